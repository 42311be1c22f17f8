/**
 * Catches an error thrown while rendering, so that it ends the program with
 * one line after the terminal is restored instead of a stack trace drawn
 * over the game (Ink's own error screen).
 */
import { Component, type ReactNode } from 'react';

/** Props of {@link CrashGuard}. */
export interface CrashGuardProps {
  readonly children: ReactNode;
  /** Called once with the error; the guard then draws nothing. */
  readonly onCrash: (error: unknown) => void;
}

/** An error boundary that hands the error on and draws nothing. */
export class CrashGuard extends Component<CrashGuardProps, { crashed: boolean }> {
  override state = { crashed: false };

  static getDerivedStateFromError(): { crashed: boolean } {
    return { crashed: true };
  }

  override componentDidCatch(error: unknown): void {
    this.props.onCrash(error);
  }

  override render(): ReactNode {
    return this.state.crashed ? null : this.props.children;
  }
}
