import ConfigModel

/// The user's side: speaking, stopping, interrupting, and the turn the agent then takes.
extension CallEngine {
    mutating func startUserSpeech(line: Int) throws(Diagnostic) {
        if let current = utterance {
            let until = Seconds.format(timers[Timer.userSpeechEnd.rawValue], decimals: 2)
            throw diagnostic(at: line, "the user is still saying line \(lines[current.line].line) until \(until) s; a user line must start after the previous one ends")
        }
        setTimer(.silenceEndCall, Seconds.never)
        setTimer(.userSpeechEnd, now + script.userDurations[line])
        emit(.userSpeechStart(line: line))
        if speaking != nil || queue.first?.speech == .firstMessage {
            guard interruptAgent(line: line) else { return }
        } else if agentIdleSince == nil {
            cancelPendingAgentOutput()
        }
        agentIdleSince = nil
        setTimer(.turnTimeout, Seconds.never)
        setTimer(.turnTaken, Seconds.never)
        consecutiveTurnTimeouts = 0
        utterance = (line, .turn)
        if openTurn == nil {
            turnCount += 1
            openTurn = OpenTurn(number: turnCount, firstLine: line, latestLine: line)
        } else {
            openTurn?.latestLine = line
        }
    }

    /// Decides whether speech that starts while the agent speaks interrupts it; false leaves the agent speaking.
    private mutating func interruptAgent(line: Int) -> Bool {
        let protectedFirstMessage = config.firstMessageProtected
            && (speaking == .firstMessage || (speaking == nil && queue.first?.speech == .firstMessage))
        if !config.interruptionsEnabled || protectedFirstMessage {
            let carry = config.transcribeOnDisabledInterruptions
            emit(.interruptionIgnored(line: line, reason: protectedFirstMessage && config.interruptionsEnabled ? .firstMessage : .interruptionsDisabled, carried: carry))
            utterance = (line, carry ? .carried : .ignored)
            return false
        }
        if script.isIgnoreTerm[line] {
            emit(.interruptionIgnored(line: line, reason: .ignoreTerm, carried: false))
            utterance = (line, .ignored)
            return false
        }
        emit(.interruption(line: line))
        if let speech = speaking {
            emit(.agentSpeechEnd(speech, .interrupted))
            speaking = nil
            setTimer(.agentSpeechEnd, Seconds.never)
        }
        cancelPendingAgentOutput()
        return true
    }

    mutating func finishUserSpeech() {
        guard let current = utterance else { return }
        utterance = nil
        emit(.userSpeechEnd(line: current.line, .finished))
        lastUserSpeechEnd = now
        setTimer(.silenceEndCall, config.silenceEndCall == Seconds.never ? Seconds.never : now + config.silenceEndCall)
        switch current.role {
        case .ignored: break
        case .carried: carried = (current.line, now)
        case .turn: endUserSpeechTurn(stoppedAt: now)
        }
    }

    /// The user stopped: the agent waits out the endpointing delay, and a speculative turn asks the LLM already.
    private mutating func endUserSpeechTurn(stoppedAt: Microseconds) {
        userHasSpoken = true
        openTurn?.stoppedAt = stoppedAt
        var delay = config.endpointingDelay
        if let spelling = config.spellingDelay, let turn = openTurn, lines[turn.latestLine].spelling { delay = spelling }
        openTurn?.endpointingDelay = delay
        let takesTurnAt = max(now, stoppedAt + delay)
        setTimer(.turnTaken, takesTurnAt)
        if config.speculativeTurn { requestReply(earliestAudio: takesTurnAt) }
    }

    mutating func takeTurn() {
        guard let turn = openTurn else { return }
        emit(.userTurnEnd(turn: turn.number, userStoppedAt: turn.stoppedAt, endpointingDelay: turn.endpointingDelay,
                         lines: turn.firstLine...turn.latestLine))
        if !config.speculativeTurn { requestReply(earliestAudio: now) }
    }

    /// Speech heard while interruptions were off becomes the next turn once the agent yields the floor.
    mutating func startCarriedTurn() -> Bool {
        if let current = utterance, current.role == .carried {
            utterance = (current.line, .turn)
            turnCount += 1
            openTurn = OpenTurn(number: turnCount, firstLine: current.line, latestLine: current.line)
            carried = nil
            return true
        }
        guard let held = carried else { return false }
        carried = nil
        turnCount += 1
        openTurn = OpenTurn(number: turnCount, firstLine: held.line, latestLine: held.line)
        endUserSpeechTurn(stoppedAt: held.stoppedAt)
        return true
    }

    func diagnostic(at line: Int, _ message: String) -> Diagnostic {
        Diagnostic.script(file: file, line: lines[line].line, column: lines[line].column, message)
    }
}
