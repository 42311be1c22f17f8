#!/usr/bin/env python3
"""Runs a program in a pseudo-terminal and records what it does, for the benchmark.

A dumb instrument: bench/terminal.ts writes the script and reads the log.
Usage: python3 bench/pty-probe.py < request.json > log.json

The request is a JSON object:
  command   argv of the program (argv[0] a path)
  env       its whole environment
  cwd       its working directory
  columns, rows   the window size, set (TIOCSWINSZ) before the program starts
  frame_end a string the program writes at the end of each frame (optional): each
            chunk is logged with the number of them it completes
  steps     a list, run in order, each one object; any step may have "at": S, to
            run S seconds after the anchor (reading output until then):
    {"wait_for": TEXT, "label": L, "timeout": S}  read until the output since the
        start contains TEXT (UTF-8); records the time as mark L; fails after S seconds
    {"sleep": S}                    keep reading for S seconds
    {"anchor": true}                the times of later "at" steps count from now
    {"send": TEXT, "label": L}      write TEXT to the terminal; records the time as send L
    {"sample": L}                   record CPU time and memory of the program as sample L
    {"wait_exit": S}                read until the program exits; fails after S seconds

The log (stdout, JSON): times are seconds of a monotonic clock from the spawn.
  pid, clock_ticks (per second, for utime and stime), chunks [[t, bytes, frame ends]],
  sends [[t, label]], marks {label: t}, samples [{label, t, utime, stime,
  run_ns (the sum over the program's threads of /proc/PID/task/*/schedstat),
  threads (the same by thread name),
  vm_hwm, vm_rss (bytes)}], exit {code | signal}, error (when a step failed),
  and the whole output as text when the request asks for it ("keep_output").
The program is killed (SIGKILL) if it is still running when the script ends.
"""
import json
import os
import pty
import select
import signal
import struct
import sys
import termios
import fcntl
import time


def now(start):
    return time.monotonic() - start


def read_proc(pid):
    """CPU time (clock ticks and nanoseconds on CPU) and memory of a running process."""
    with open(f'/proc/{pid}/stat', 'rb') as f:
        stat = f.read().decode()
    # The command name is in parentheses and may hold spaces: fields count from after it.
    fields = stat[stat.rindex(')') + 2:].split()
    utime, stime = int(fields[11]), int(fields[12])
    threads = {}
    for task in os.listdir(f'/proc/{pid}/task'):
        try:
            with open(f'/proc/{pid}/task/{task}/comm') as f:
                name = f.read().strip()
            with open(f'/proc/{pid}/task/{task}/schedstat') as f:
                threads[name] = threads.get(name, 0) + int(f.read().split()[0])
        except (FileNotFoundError, ProcessLookupError):
            pass  # a thread that ended between the listing and the read
    run_ns = sum(threads.values())
    memory = {}
    with open(f'/proc/{pid}/status') as f:
        for line in f:
            key, _, value = line.partition(':')
            if key in ('VmHWM', 'VmRSS'):
                memory[key] = int(value.split()[0]) * 1024
    return {'utime': utime, 'stime': stime, 'run_ns': run_ns, 'threads': threads, 'vm_hwm': memory.get('VmHWM'), 'vm_rss': memory.get('VmRSS')}


def main():
    request = json.load(sys.stdin)
    columns, rows = request.get('columns', 80), request.get('rows', 24)
    start = time.monotonic()
    pid, fd = pty.fork()
    if pid == 0:
        try:
            fcntl.ioctl(1, termios.TIOCSWINSZ, struct.pack('HHHH', rows, columns, 0, 0))
            os.chdir(request['cwd'])
            os.execve(request['command'][0], request['command'], request['env'])
        finally:
            os._exit(127)

    log = {'pid': pid, 'clock_ticks': os.sysconf('SC_CLK_TCK'), 'chunks': [], 'sends': [], 'marks': {}, 'samples': [], 'exit': None}
    output = bytearray()
    state = {'open': True, 'status': None}
    frame_end = request.get('frame_end', '').encode()

    def reap():
        if state['status'] is None:
            done, status = os.waitpid(pid, os.WNOHANG)
            if done:
                state['status'] = status

    def pump(deadline, until=None):
        """Read output until `deadline` (monotonic seconds from start) or until `until()` holds."""
        while True:
            if until and until():
                return True
            left = deadline - now(start)
            if left <= 0:
                return False
            if not state['open']:
                reap()
                if state['status'] is not None and until is None:
                    # Nothing more will come: just let the time pass.
                    time.sleep(left)
                    return False
                time.sleep(min(left, 0.005))
                continue
            ready, _, _ = select.select([fd], [], [], left)
            if not ready:
                continue
            try:
                data = os.read(fd, 65536)
            except OSError:
                data = b''
            t = now(start)
            if not data:
                state['open'] = False
                continue
            before = len(output)
            output.extend(data)
            ends = 0
            if frame_end:
                # Markers that end in this chunk, including one split across reads.
                ends = output.count(frame_end, max(0, before - len(frame_end) + 1))
            log['chunks'].append([t, len(data), ends])

    anchor = 0.0
    try:
        for step in request['steps']:
            if 'at' in step:
                pump(anchor + step['at'])
            if 'wait_for' in step:
                needle = step['wait_for'].encode()
                timeout = step.get('timeout', 10)
                if not pump(now(start) + timeout, lambda: needle in output):
                    raise RuntimeError(f'no {step["wait_for"]!r} in the output within {timeout} s')
                # The time of the chunk that completed the text.
                log['marks'][step.get('label', step['wait_for'])] = log['chunks'][-1][0]
            elif 'sleep' in step:
                pump(now(start) + step['sleep'])
            elif 'anchor' in step:
                anchor = now(start)
            elif 'send' in step:
                os.write(fd, step['send'].encode())
                log['sends'].append([now(start), step.get('label', '')])
            elif 'sample' in step:
                sample = read_proc(pid)
                sample['label'] = step['sample']
                sample['t'] = now(start)
                log['samples'].append(sample)
            elif 'wait_exit' in step:
                timeout = step['wait_exit']

                def exited():
                    reap()
                    return state['status'] is not None and not state['open']

                if not pump(now(start) + timeout, exited):
                    raise RuntimeError(f'the program did not exit within {timeout} s')
            else:
                raise RuntimeError(f'unknown step {step!r}')
    except Exception as error:  # reported in the log, for the caller to fail the row with
        log['error'] = str(error)
    finally:
        reap()
        if state['status'] is None:
            os.kill(pid, signal.SIGKILL)
            _, state['status'] = os.waitpid(pid, 0)
        os.close(fd)
    status = state['status']
    log['exit'] = {'code': os.WEXITSTATUS(status)} if os.WIFEXITED(status) else {'signal': os.WTERMSIG(status)}
    if request.get('keep_output'):
        log['output'] = output.decode('utf-8', 'replace')
    json.dump(log, sys.stdout)


if __name__ == '__main__':
    main()
