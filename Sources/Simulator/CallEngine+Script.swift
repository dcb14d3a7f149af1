import ConfigModel

/// Turning script lines into moments: each line starts relative to the previous line's event.
extension CallEngine {
    /// The next `user` or `silence` line not yet started; `agent` lines are replies, not moments.
    var pendingStimulus: Int? {
        var index = scanFrom
        while index < lines.count, lines[index].isAgentLine { index += 1 }
        return index < lines.count ? index : nil
    }

    var scriptExhausted: Bool {
        (scriptStopped || pendingStimulus == nil) && timers[Timer.silenceEnd.rawValue] == Seconds.never
    }

    /// Sets the next line's start once the previous line's event has begun (and, for `user:`, the floor is free).
    mutating func scheduleNextLine() throws(Diagnostic) {
        guard !scriptStopped, let next = pendingStimulus else {
            setTimer(.nextLine, Seconds.never)
            return
        }
        let anchor = next == 0 ? 0 : eventStart[next - 1]
        guard anchor != Seconds.never else {
            setTimer(.nextLine, Seconds.never)
            return
        }
        switch lines[next].kind {
        case .user(_, .after(let offset)):
            if anchor + offset < now {
                throw diagnostic(at: next, "this line starts at \(Seconds.format(anchor + offset, decimals: 2)) s, but the call is already at \(Seconds.format(now, decimals: 2)) s")
            }
            setTimer(.nextLine, anchor + offset)
        case .user(_, .at(let time)):
            if time < anchor {
                throw diagnostic(at: next, "this line starts at \(Seconds.format(time, decimals: 2)) s, before the previous line's event at \(Seconds.format(anchor, decimals: 2)) s")
            }
            if time < now {
                throw diagnostic(at: next, "this line starts at \(Seconds.format(time, decimals: 2)) s, but the call is already at \(Seconds.format(now, decimals: 2)) s")
            }
            setTimer(.nextLine, time)
        case .user(_, .whenFloorIsFree):
            guard let since = floorFreeSince else {
                setTimer(.nextLine, Seconds.never)
                return
            }
            setTimer(.nextLine, max(now, anchor, silenceUntil, since + config.userReactionGap))
        case .silence:
            guard let since = floorFreeSince else {
                setTimer(.nextLine, Seconds.never)
                return
            }
            setTimer(.nextLine, max(now, anchor, silenceUntil, since))
        case .agent:
            setTimer(.nextLine, Seconds.never)
        }
    }

    mutating func startNextLine() throws(Diagnostic) {
        guard let next = pendingStimulus else { return }
        scanFrom = next + 1
        eventStart[next] = now
        latestStimulus = next
        switch lines[next].kind {
        case .silence(let duration):
            emit(.userSilence(line: next, duration: duration))
            silenceUntil = now + duration
            setTimer(.silenceEnd, silenceUntil)
        case .user:
            try startUserSpeech(line: next)
        case .agent:
            break
        }
    }

    /// Nothing is left that could move the call on: explain which line is waiting and for what.
    func stalled() -> Diagnostic {
        guard let next = pendingStimulus else {
            return Diagnostic.script(file: file, line: 1, column: 1, "the call stalled with nothing left to happen")
        }
        if next > 0, eventStart[next - 1] == Seconds.never, lines[next - 1].isAgentLine {
            return diagnostic(at: next, "this line waits for the agent to say line \(lines[next - 1].line), but no reply or re-engagement is left that would say it (turn_timeout is off)")
        }
        return diagnostic(at: next, "this line can never start: nothing is left that would free the floor")
    }
}
