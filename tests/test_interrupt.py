"""Ctrl-C stops a long batch promptly: the native batch checks for signals between its
chunks, so even one huge batch (which Python cannot interrupt by itself) ends with
KeyboardInterrupt within a few seconds of the signal, not after the batch."""

from __future__ import annotations

import signal
import subprocess
import sys
import time

import pytest

SCRIPT = r"""
import signal
import sys
import byline

# As in a terminal or Jupyter: a job started in the background (CI, `cmd &`) may inherit
# SIGINT ignored or blocked, and Python then installs no KeyboardInterrupt handler.
signal.pthread_sigmask(signal.SIG_UNBLOCK, [signal.SIGINT])
signal.signal(signal.SIGINT, signal.default_int_handler)

text = ("“Contacts are quite complicated,” union president Maria Kovalenko told reporters on Friday. "
        "Port director Henrik Aas said that the offer would follow next week. ") * 20
nlp = byline.Pipeline()
articles = [{"id": str(i), "text": text} for i in range(200_000)]  # minutes of work
print("started", flush=True)
try:
    for doc in nlp.pipe(articles, batch_size=len(articles), threads=2):
        pass
except KeyboardInterrupt:
    print("interrupted", flush=True)
    sys.exit(3)
print("finished", flush=True)
"""


@pytest.mark.skipif(sys.platform == "win32", reason="SIGINT is POSIX")
def test_ctrl_c_interrupts_one_huge_batch_promptly() -> None:
    proc = subprocess.Popen(
        [sys.executable, "-c", SCRIPT], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    try:
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == "started"
        time.sleep(1.5)  # well inside the batch
        assert proc.poll() is None, "the batch ended before the signal"
        sent = time.monotonic()
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=30)
        waited = time.monotonic() - sent
    finally:
        if proc.poll() is None:
            proc.kill()
    assert "interrupted" in out, err
    assert proc.returncode == 3
    # One chunk of the batch (16 articles of 3 kB on 2 threads) takes milliseconds.
    assert waited < 5, f"took {waited:.1f} s to stop"


class _Interrupting:
    """An id whose str() is interrupted, as str() is when a Ctrl-C is pending."""

    def __str__(self) -> str:
        raise KeyboardInterrupt


class _Unprintable:
    def __str__(self) -> str:
        raise ValueError("no text form")


def test_an_interruption_while_reading_records_is_not_swallowed() -> None:
    from byline import _byline

    native = _byline.NativePipeline(["dates"])
    with pytest.raises(KeyboardInterrupt):
        native.process_batch([{"id": _Interrupting(), "text": "On Friday."}], 1)
    # An ordinary failure of the same call is the record's problem: it keeps its place.
    [(out, error_class, field)] = native.process_batch([{"id": _Unprintable(), "text": "On Friday."}], 1)
    assert error_class is None and field is None and out.id == "0"
