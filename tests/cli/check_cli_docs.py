#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
# check_cli_docs.py CLI MANPAGE COMPLETION [GUI GUI_MANPAGE]: the man pages and the bash completion cannot drift from
# runlens-cli's own help. Every command `runlens-cli --help` lists is completed and has an entry in
# the man page; every option a command's --help lists is completed for that command and named in
# the man page; --format completes to exactly the values the command's --help names; every option
# `runlens --help` lists is in runlens.1.
import re
import subprocess
import sys

cli, manpage, completion = sys.argv[1:4]
failures = []


def run(*args, program=None):
    program = program or cli
    result = subprocess.run([program, *args], capture_output=True, text=True, timeout=60)
    if result.returncode != 0:
        failures.append(f"{program} {' '.join(args)} exited {result.returncode}")
    return result.stdout


def complete(*words):
    """COMPREPLY of the completion for the command line `runlens-cli WORDS...` (the last word is completed)."""
    quoted = " ".join("'" + w.replace("'", "'\\''") + "'" for w in ("runlens-cli",) + words)
    script = f'source "$1"; COMP_WORDS=({quoted}); COMP_CWORD={len(words)}; _runlens_cli; printf "%s\\n" "${{COMPREPLY[@]}}"'
    out = subprocess.run(["bash", "-c", script, "bash", completion], capture_output=True, text=True, check=True)
    return {line for line in out.stdout.splitlines() if line}


def options_of(help_text):
    """{option: description} of a QCommandLineParser help text; -o and --output are separate keys."""
    options, current = {}, None
    for line in help_text.split("Arguments:")[0].splitlines():
        m = re.match(r"^  ((?:-[\w?], )?--[a-z][a-z-]*)(?: <[^>]+>)?\s*(.*)$", line)
        if m:
            names = [n.strip() for n in m.group(1).split(",")]
            current = names
            for name in names:
                options[name] = m.group(2)
        elif current and re.match(r"^\s{4,}\S", line):
            for name in current:
                options[name] += " " + line.strip()
        else:
            current = None
    return options


def format_values(description):
    text = description.split("(default")[0].split(":")[-1]
    return set(re.findall(r"[a-z]+(?:-[a-z]+)*", text)) - {"or", "output", "format"}


top = run("--help")
commands = re.findall(r"^  ([a-z]+) ", top.split("Commands:")[1].split("\n\n")[0], re.M)
if len(commands) < 10:
    failures.append(f"too few commands parsed from runlens-cli --help: {commands}")

with open(manpage, encoding="utf-8") as f:
    man_source = f.read()
man = man_source.replace("\\-", "-")

completed_commands = complete("")
for command in commands:
    if command not in completed_commands:
        failures.append(f"completion: command {command} missing")
    if not re.search(rf'^\.BI? "?{command}\b', man, re.M):
        failures.append(f"man page: no entry for command {command}")
    options = options_of(run(command, "--help"))
    if "--help" not in options:
        failures.append(f"{command} --help lists no --help: parsing failed")
    completed = complete(command, "-")
    for option, description in options.items():
        if option not in completed:
            failures.append(f"completion: {command} {option} missing")
        if not re.search(rf"(?<![\w-]){re.escape(option)}(?![\w-])", man):
            failures.append(f"man page: option {option} of {command} missing")
    if "--format" in options:
        wanted = format_values(options["--format"])
        got = complete(command, "--format", "")
        if wanted != got:
            failures.append(f"completion: {command} --format completes {sorted(got)}, --help says {sorted(wanted)}")
        for value in wanted:
            if not re.search(rf"\b{value}\b", man):
                failures.append(f"man page: format {value} of {command} missing")

if len(sys.argv) > 5:
    gui, gui_manpage = sys.argv[4:6]
    with open(gui_manpage, encoding="utf-8") as f:
        gui_man = f.read().replace("\\-", "-")
    gui_options = options_of(run("--help", program=gui))
    if "--screenshot" not in gui_options:
        failures.append("runlens --help lists no --screenshot: parsing failed")
    for option in gui_options:
        if not re.search(rf"(?<![\w-]){re.escape(option)}(?![\w-])", gui_man):
            failures.append(f"runlens.1: option {option} missing")

for failure in failures:
    print(failure, file=sys.stderr)
print(f"{len(commands)} commands checked, {len(failures)} failures")
sys.exit(1 if failures else 0)
