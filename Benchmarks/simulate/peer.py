"""Peer for the simulate benchmark: a straightforward pure-Python port of the Monte Carlo loop.

It implements the same event-driven turn-taking rules as Sources/Simulator for the line kinds the benchmark
script uses (`user:` lines, `agent:` lines without latency, `silence N`), the same xoshiro256** generator and
log/exp, so it must print the same report line as the Swift benchmark: that check makes the timing comparison fair.
Usage: python3 peer.py twenty-turns.sim [runs]
"""
import math
import sys
import time

NEVER = 2**63 - 1
MASK = (1 << 64) - 1
LN2 = 0.6931471805599453
Z95 = 1.6448536269514722
TIMERS = ["max_duration", "silence_end_call", "agent_speech_end", "user_speech_end", "silence_end", "next_line",
          "llm_response", "turn_taken", "soft_timeout", "agent_audio_start", "turn_timeout"]

# Settings of the benchmark agent and the simulator's default assumptions, in microseconds.
FIRST_MESSAGE = "Hi, this is Ava from Bright Smile Dental. How can I help you today?"
SOFT_TIMEOUT, MAX_FILLERS, FILLER = 3_000_000, 2, "Hhmmmm...yeah."
TURN_TIMEOUT, SILENCE_END_CALL, MAX_DURATION = 7_000_000, 20_000_000, 600_000_000
ENDPOINTING, TTS, GAP, RATE = 600_000, 75_000, 500_000, 2.5
PLACEHOLDER_REPLY, PLACEHOLDER_RE_ENGAGEMENT = "Okay, I can help with that.", "Are you still there?"


def rounded(x):
    """Round half away from zero, like Swift's rounded()."""
    whole = math.floor(x)
    return whole + 1 if x - whole >= 0.5 else whole


def micro(seconds):
    return int(rounded(seconds * 1_000_000))


def duration(text):
    return micro(len(text.split()) / RATE)


def plog(x):
    mantissa, exponent = math.frexp(x)
    mantissa, exponent = mantissa * 2, float(exponent - 1)
    if mantissa > 1.4142135623730951:
        mantissa /= 2
        exponent += 1
    f = (mantissa - 1) / (mantissa + 1)
    f2, term, total, denominator = f * f, f, 0.0, 1.0
    for _ in range(14):
        total += term / denominator
        term *= f2
        denominator += 2
    return exponent * LN2 + 2 * total


def pexp(x):
    clamped = min(max(x, -700.0), 700.0)
    k = rounded(clamped / LN2)
    r = clamped - k * LN2
    total, term = 1.0, 1.0
    for n in range(1, 19):
        term *= r / n
        total += term
    return math.ldexp(total, int(k))


class Random:
    def __init__(self, seed):
        state = seed
        words = []
        for _ in range(4):
            state = (state + 0x9E3779B97F4A7C15) & MASK
            z = state
            z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
            z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
            words.append(z ^ (z >> 31))
        self.s = words

    def next(self):
        s = self.s
        rotl = lambda v, k: ((v << k) | (v >> (64 - k))) & MASK
        result = (rotl((s[1] * 5) & MASK, 7) * 9) & MASK
        shifted = (s[1] << 17) & MASK
        s[2] ^= s[0]
        s[3] ^= s[1]
        s[1] ^= s[2]
        s[0] ^= s[3]
        s[2] ^= shifted
        s[3] = rotl(s[3], 45)
        return result

    def unit(self):
        return (self.next() >> 11) * 2.0**-53

    def normal(self):
        while True:
            u = 2 * self.unit() - 1
            v = 2 * self.unit() - 1
            s = u * u + v * v
            if 0 < s < 1:
                return u * math.sqrt(-2 * plog(s) / s)


class Lognormal:
    def __init__(self, median, p95, random):
        self.random = random
        self.mu = plog(median / 1_000_000)
        self.sigma = (plog(p95 / 1_000_000) - self.mu) / Z95

    def next(self):
        return micro(pexp(self.mu + self.sigma * self.random.normal()))


class Call:
    """One simulated call; `summary` ends up with the turns, re-engagements and the ending."""

    def __init__(self, lines, latency):
        self.lines, self.latency = lines, latency
        self.now, self.ended = 0, False
        self.timers = {name: NEVER for name in TIMERS}
        self.scan_from, self.latest_stimulus, self.silence_until = 0, -1, 0
        self.event_start = [None] * len(lines)
        self.reserved = [False] * len(lines)
        self.speaking_user, self.last_user_end = None, 0
        self.turn_count, self.open_turn = 0, None
        self.generation, self.queue, self.speaking, self.idle_since = None, [], None, None
        self.turns, self.awaiting, self.re_engagements, self.end_reason = [], None, 0, None
        self.timers["max_duration"] = MAX_DURATION
        self.timers["silence_end_call"] = SILENCE_END_CALL
        self.enqueue(("first_message", None), TTS, duration(FIRST_MESSAGE))

    def pending_stimulus(self):
        index = self.scan_from
        while index < len(self.lines) and self.lines[index][0] == "agent":
            index += 1
        return index if index < len(self.lines) else None

    def floor_free(self):
        return self.idle_since is not None and self.speaking_user is None

    def run(self):
        while not self.ended:
            self.schedule_next_line()
            if self.floor_free() and self.pending_stimulus() is None and self.timers["silence_end"] == NEVER:
                self.end_reason, self.ended = "script_end", True
                return
            best, best_time = None, NEVER
            for name in TIMERS:
                if self.timers[name] < best_time:
                    best, best_time = name, self.timers[name]
            self.now, self.timers[best] = best_time, NEVER
            getattr(self, "fire_" + best)()

    def schedule_next_line(self):
        nxt = self.pending_stimulus()
        self.timers["next_line"] = NEVER
        if nxt is None:
            return
        anchor = 0 if nxt == 0 else self.event_start[nxt - 1]
        if anchor is None or not self.floor_free():
            return
        since = max(self.idle_since, self.last_user_end)
        wait = GAP if self.lines[nxt][0] == "user" else 0
        self.timers["next_line"] = max(self.now, anchor, self.silence_until, since + wait)

    def fire_next_line(self):
        nxt = self.pending_stimulus()
        self.scan_from, self.event_start[nxt], self.latest_stimulus = nxt + 1, self.now, nxt
        kind, value = self.lines[nxt]
        if kind == "silence":
            self.silence_until = self.now + value
            self.timers["silence_end"] = self.silence_until
            return
        self.timers["silence_end_call"] = NEVER
        self.timers["user_speech_end"] = self.now + duration(value)
        self.idle_since = None
        self.timers["turn_timeout"] = self.timers["turn_taken"] = NEVER
        self.speaking_user = nxt
        if self.open_turn is None:
            self.turn_count += 1
            self.open_turn = {"number": self.turn_count, "latest": nxt, "stopped": 0}
        else:
            self.open_turn["latest"] = nxt

    def fire_user_speech_end(self):
        self.speaking_user, self.last_user_end = None, self.now
        self.timers["silence_end_call"] = self.now + SILENCE_END_CALL
        self.open_turn["stopped"] = self.now
        self.timers["turn_taken"] = self.now + ENDPOINTING

    def fire_turn_taken(self):
        self.turns.append([self.open_turn["stopped"], None, 0])
        self.awaiting = len(self.turns) - 1
        line = self.reserve(self.open_turn["latest"])
        self.start_generation("reply", line)

    def reserve(self, below):
        index = below + 1
        while index < len(self.lines) and self.lines[index][0] == "agent":
            if not self.reserved[index]:
                self.reserved[index] = True
                return index
            index += 1
        return None

    def start_generation(self, purpose, line):
        latency = self.latency.next()
        self.generation = {"purpose": purpose, "line": line, "request_at": self.now, "earliest": self.now, "fillers": 0}
        self.timers["llm_response"] = self.now + latency
        self.timers["soft_timeout"] = self.now + SOFT_TIMEOUT

    def fire_llm_response(self):
        pending, self.generation = self.generation, None
        self.timers["soft_timeout"] = NEVER
        ready = max(self.now + TTS, pending["earliest"])
        line = pending["line"]
        if line is not None:
            text = self.lines[line][1]
        else:
            text = PLACEHOLDER_REPLY if pending["purpose"] == "reply" else PLACEHOLDER_RE_ENGAGEMENT
        self.enqueue((pending["purpose"], line), ready, duration(text))

    def fire_soft_timeout(self):
        pending = self.generation
        pending["fillers"] += 1
        number = pending["fillers"]
        if self.awaiting is not None:
            self.turns[self.awaiting][2] += 1
        ready = max(self.now + TTS, pending["earliest"])
        self.enqueue(("filler", None), ready, duration(FILLER))
        if number < MAX_FILLERS:
            self.timers["soft_timeout"] = pending["request_at"] + (number + 1) * SOFT_TIMEOUT

    def enqueue(self, speech, ready, length):
        self.queue.append((speech, ready, length))
        if self.speaking is None and len(self.queue) == 1:
            self.timers["agent_audio_start"] = max(self.now, ready)

    def fire_agent_audio_start(self):
        speech, _, length = self.queue.pop(0)
        self.speaking = speech
        self.timers["agent_speech_end"] = self.now + length
        kind, line = speech
        if kind in ("reply", "re_engagement") and line is not None:
            self.event_start[line] = self.now
        if kind == "reply":
            self.open_turn = None
        if self.awaiting is not None:
            turn = self.turns[self.awaiting]
            if turn[1] is None:
                turn[1] = self.now
            if kind == "reply":
                self.awaiting = None

    def fire_agent_speech_end(self):
        self.speaking = None
        if self.queue:
            self.timers["agent_audio_start"] = max(self.now, self.queue[0][1])
        elif self.generation is None:
            self.idle_since = self.now
            self.timers["turn_timeout"] = self.now + TURN_TIMEOUT

    def fire_turn_timeout(self):
        self.re_engagements += 1
        self.idle_since = None
        self.start_generation("re_engagement", self.reserve(self.latest_stimulus))

    def fire_silence_end(self):
        pass

    def fire_silence_end_call(self):
        self.end_reason, self.ended = "silence_timeout", True

    def fire_max_duration(self):
        self.end_reason, self.ended = "max_duration", True


def read_script(path):
    lines = []
    for raw in open(path, encoding="utf-8"):
        text = raw.split(" # ")[0].strip()
        if not text or text.startswith("#"):
            continue
        if text.startswith("silence "):
            lines.append(("silence", micro(float(text.split()[1]))))
        else:
            kind, _, said = text.partition(":")
            lines.append((kind.strip(), said.strip()))
    return lines


def main():
    lines = read_script(sys.argv[1])
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 10_000
    start = time.perf_counter()
    latency = Lognormal(1_200_000, 4_000_000, Random(42))
    gaps, turns, with_filler, re_engagements, by_silence = [], 0, 0, 0, 0
    for _ in range(runs):
        call = Call(lines, latency)
        call.run()
        turns += len(call.turns)
        for stopped, first_audio, fillers in call.turns:
            if first_audio is not None:
                gaps.append(first_audio - stopped)
            if fillers:
                with_filler += 1
        re_engagements += call.re_engagements
        by_silence += call.end_reason == "silence_timeout"
    gaps.sort()
    pick = lambda p: gaps[max(0, (len(gaps) * p + 99) // 100 - 1)]
    elapsed = time.perf_counter() - start
    print(f"python: {runs} calls, {turns} user turns: {elapsed:.3f} s")
    print(f"report: turns={turns} gap_us_p50_p95_p99={pick(50)},{pick(95)},{pick(99)} "
          f"turns_with_filler={with_filler} re_engagements={re_engagements} ended_by_silence={by_silence}")


main()
