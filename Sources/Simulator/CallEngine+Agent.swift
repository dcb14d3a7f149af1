/// The agent's side: LLM requests, soft-timeout fillers, speaking, and re-engaging a silent user.
extension CallEngine {
    mutating func requestReply(earliestAudio: Microseconds) {
        guard let turn = openTurn else { return }
        let line = reserveAgentLine(below: turn.latestLine)
        startGeneration(Generation(purpose: .reply, line: line, turn: turn.number), earliestAudio: earliestAudio)
    }

    private mutating func startGeneration(_ generation: Generation, earliestAudio: Microseconds) {
        var scripted: Microseconds?
        if let line = generation.line, case .agent(_, let latency) = lines[line].kind { scripted = latency }
        let latency = self.latency.next(scripted: scripted)
        emit(.llmRequest(generation, latency: latency))
        let spent = generation.purpose == .reply ? openTurn?.fillers ?? 0 : 0
        let fillersAllowed = !(config.fillersNeedUserMessage && !userHasSpoken) && spent < config.maxFillers
            && (generation.purpose == .reply || config.reEngagementFillers)
        self.generation = PendingGeneration(generation: generation, requestAt: now, earliestAudio: earliestAudio,
                                            fillersBefore: spent, fillers: spent)
        setTimer(.llmResponse, now + latency)
        let softTimeout = config.softTimeout
        setTimer(.softTimeout, fillersAllowed && softTimeout != Seconds.never ? now + softTimeout : Seconds.never)
    }

    mutating func receiveResponse() {
        guard let pending = generation else { return }
        generation = nil
        setTimer(.softTimeout, Seconds.never)
        emit(.llmResponse(pending.generation))
        let readyAt = max(now + config.ttsLatency, pending.earliestAudio)
        switch pending.generation.purpose {
        case .reply:
            let duration = pending.generation.line.map { script.agentDurations[$0] } ?? config.placeholderReplyDuration
            enqueue(.reply(line: pending.generation.line), readyAt: readyAt, duration: duration)
        case .reEngagement:
            let duration = pending.generation.line.map { script.agentDurations[$0] } ?? config.placeholderReEngagementDuration
            enqueue(.reEngagement(line: pending.generation.line), readyAt: readyAt, duration: duration)
        }
    }

    /// Fires every `timeout_seconds` after the request, up to `max_soft_timeouts_per_generation` fillers in the
    /// caller's turn: a request restarted because the caller added words does not get a fresh count.
    mutating func fireSoftTimeout() {
        guard var pending = generation else { return }
        pending.fillers += 1
        let number = pending.fillers
        generation = pending
        if pending.generation.purpose == .reply { openTurn?.fillers = number }
        emit(.softTimeout(number: number))
        let readyAt = max(now + config.fillerGenerationLatency + config.ttsLatency, pending.earliestAudio)
        enqueue(.filler(number: number), readyAt: readyAt, duration: config.fillerDuration(number: number))
        if number < config.maxFillers {
            setTimer(.softTimeout, pending.requestAt + Microseconds(number - pending.fillersBefore + 1) * config.softTimeout)
        }
    }

    /// Queues speech; it plays after whatever the agent is saying (a reply waits for a filler to end).
    mutating func enqueue(_ speech: AgentSpeech, readyAt: Microseconds, duration: Microseconds) {
        queue.append(QueuedSpeech(speech: speech, readyAt: readyAt, duration: duration))
        if speaking == nil && queue.count == 1 { setTimer(.agentAudioStart, max(now, readyAt)) }
    }

    mutating func startAgentAudio() {
        guard !queue.isEmpty else { return }
        let next = queue.removeFirst()
        speaking = next.speech
        setTimer(.agentSpeechEnd, now + next.duration)
        switch next.speech {
        case .reply(let line):
            openTurn = nil
            if let line { eventStart[line] = now }
        case .reEngagement(let line):
            if let line { eventStart[line] = now }
        case .firstMessage, .filler, .maxDurationMessage: break
        }
        emit(.agentSpeechStart(next.speech))
    }

    mutating func finishAgentSpeech() {
        guard let speech = speaking else { return }
        speaking = nil
        emit(.agentSpeechEnd(speech, .finished))
        if speech == .maxDurationMessage {
            endCall(.maxDuration)
        } else if let next = queue.first {
            setTimer(.agentAudioStart, max(now, next.readyAt))
        } else if generation == nil {
            yieldFloor()
        }
    }

    /// The agent has said everything: held-over speech becomes a turn, else the turn timeout starts.
    private mutating func yieldFloor() {
        if startCarriedTurn() { return }
        agentIdleSince = now
        setTimer(.turnTimeout, config.turnTimeout == Seconds.never ? Seconds.never : now + config.turnTimeout)
    }

    mutating func fireTurnTimeout() {
        consecutiveTurnTimeouts += 1
        emit(.turnTimeout(number: consecutiveTurnTimeouts))
        agentIdleSince = nil
        let line = reserveAgentLine(below: latestStimulus)
        startGeneration(Generation(purpose: .reEngagement, line: line, turn: nil), earliestAudio: now)
    }

    /// Drops everything the agent was about to say; unspoken script lines become free again.
    mutating func cancelPendingAgentOutput() {
        if let pending = generation {
            emit(.llmCancelled(pending.generation))
            release(pending.generation.line)
            generation = nil
        }
        for item in queue {
            switch item.speech {
            case .reply(let line), .reEngagement(let line): release(line)
            case .firstMessage, .filler, .maxDurationMessage: break
            }
        }
        queue.removeAll(keepingCapacity: true)
        setTimer(.llmResponse, Seconds.never)
        setTimer(.softTimeout, Seconds.never)
        setTimer(.agentAudioStart, Seconds.never)
        setTimer(.turnTaken, Seconds.never)
    }

    /// The first `agent` line not yet used in the block of `agent` lines right below `line`.
    private mutating func reserveAgentLine(below line: Int) -> Int? {
        var index = line + 1
        while index < lines.count, lines[index].isAgentLine {
            if !reserved[index] {
                reserved[index] = true
                return index
            }
            index += 1
        }
        return nil
    }

    private mutating func release(_ line: Int?) {
        if let line, eventStart[line] == Seconds.never { reserved[line] = false }
    }
}
