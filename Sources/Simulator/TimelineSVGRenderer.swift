import ConfigModel

/// The call as swim lanes over time, one self-contained SVG: caller and agent speech (fillers marked), LLM
/// requests, the three timers as they run, and each turn's gap. Any browser shows it; no tool is needed.
public enum TimelineSVGRenderer {
    static let left = 150.0
    static let pixelsPerSecond = 24.0
    static let laneHeight = 34.0

    /// Lanes top to bottom: (class, label).
    static let lanes = [("caller", "caller"), ("agent", "agent"), ("gaps", "response gap"), ("llm", "LLM"),
                        ("turn-timeout", "turn timeout"), ("soft-timeout", "soft timeout"), ("silence-end-call", "silence end call")]

    public static func render(_ timeline: Timeline) -> String {
        let end = timeline.events.last?.t ?? 0
        let width = left + x(end) + 40
        let height = 60 + Double(lanes.count) * laneHeight + 60
        var svg = SVGBuilder()
        svg.open("svg", ["xmlns": "http://www.w3.org/2000/svg", "width": number(width), "height": number(height),
                         "viewBox": "0 0 \(number(width)) \(number(height))", "font-family": "sans-serif", "font-size": "12"])
        svg.element("style", text: style)
        svg.element("text", ["x": "10", "y": "20", "class": "title"],
                    text: "\(timeline.script.file): turn-taking over time (seconds)")
        for (index, lane) in lanes.enumerated() {
            let top = laneTop(index)
            svg.element("rect", ["class": "lane", "x": "0", "y": number(top), "width": number(width), "height": number(laneHeight)])
            svg.element("text", ["class": "lane-label", "x": "10", "y": number(top + laneHeight / 2 + 4)], text: lane.1)
        }
        axis(&svg, end: end, height: height)
        speech(&svg, timeline)
        llm(&svg, timeline)
        for span in timeline.timerSpans {
            let lane = lanes.firstIndex { $0.0 == span.timer.rawValue }!
            bar(&svg, lane: lane, from: span.start, to: span.end, classes: "timer \(span.timer.rawValue)" + (span.fired ? " fired" : ""),
                title: "\(span.timer.rawValue) \(span.fired ? "fires" : "stopped") at \(seconds(span.end))", inset: 10)
        }
        gaps(&svg, timeline)
        legend(&svg, top: height - 22)
        svg.close("svg")
        return svg.output
    }

    private static func speech(_ svg: inout SVGBuilder, _ timeline: Timeline) {
        var agentStart: (Microseconds, AgentSpeech)?
        var userStart: (Microseconds, Int)?
        for event in timeline.events {
            switch event.kind {
            case .agentSpeechStart(let speech): agentStart = (event.t, speech)
            case .agentSpeechEnd(let speech, let ending):
                guard let start = agentStart else { continue }
                let kind = switch speech {
                case .filler: " filler"
                case .firstMessage: " first-message"
                case .reEngagement: " re-engagement"
                case .maxDurationMessage: " closing"
                case .reply: ""
                }
                bar(&svg, lane: 1, from: start.0, to: event.t, classes: "speech agent" + kind + (ending == .finished ? "" : " cut"),
                    title: "\"\(timeline.text(of: speech).text)\" (\(ending.rawValue))", inset: 6)
                agentStart = nil
            case .userSpeechStart(let line): userStart = (event.t, line)
            case .userSpeechEnd(let line, _):
                guard let start = userStart, start.1 == line else { continue }
                bar(&svg, lane: 0, from: start.0, to: event.t, classes: "speech caller",
                    title: "\"\(timeline.script.lines[line].text)\" (line \(timeline.script.lines[line].line))", inset: 6)
                userStart = nil
            case .interruption:
                marker(&svg, lane: 1, at: event.t, classes: "interruption", title: "the caller interrupts")
            default: continue
            }
        }
    }

    private static func llm(_ svg: inout SVGBuilder, _ timeline: Timeline) {
        var request: (Microseconds, Generation)?
        for event in timeline.events {
            switch event.kind {
            case .llmRequest(let generation, _): request = (event.t, generation)
            case .llmResponse(let generation), .llmCancelled(let generation):
                guard let start = request, start.1 == generation else { continue }
                let cancelled = event.kind.name == "llm_cancelled"
                let what = generation.turn.map { "reply to turn \($0)" } ?? "re-engagement"
                bar(&svg, lane: 3, from: start.0, to: event.t, classes: "llm" + (cancelled ? " cancelled" : ""),
                    title: "\(what): \(cancelled ? "cancelled" : "answers") after \(seconds(event.t - start.0))", inset: 8)
                request = nil
            default: continue
            }
        }
    }

    /// Each turn's gap: from the caller stopping to the first agent audio, labelled with its length.
    private static func gaps(_ svg: inout SVGBuilder, _ timeline: Timeline) {
        for turn in timeline.summary.turns {
            guard let first = turn.firstAudioAt else { continue }
            let top = laneTop(2)
            let from = left + x(turn.userStoppedAt), to = left + x(first)
            svg.element("line", ["class": "gap", "x1": number(from), "y1": number(top + 10), "x2": number(to), "y2": number(top + 10)])
            svg.element("text", ["class": "gap-label", "x": number(from), "y": number(top + 26)],
                        text: "gap \(Seconds.format(first - turn.userStoppedAt, decimals: 2)) s")
        }
    }

    static let legendEntries = [("speech caller", "caller"), ("speech agent first-message", "first message"), ("speech agent", "reply"),
                                ("speech agent filler", "soft-timeout filler"), ("speech agent re-engagement", "re-engagement"),
                                ("speech agent closing", "closing message"), ("llm", "LLM request"),
                                ("timer fired", "timer that fired"), ("timer", "timer stopped")]

    private static func legend(_ svg: inout SVGBuilder, top: Double) {
        var position = 10.0
        for (classes, label) in legendEntries {
            svg.element("rect", ["class": "legend " + classes, "x": number(position), "y": number(top), "width": "14", "height": "10"])
            svg.element("text", ["class": "legend-label", "x": number(position + 18), "y": number(top + 9)], text: label)
            position += 30 + Double(label.count) * 6.5
        }
    }

    private static func axis(_ svg: inout SVGBuilder, end: Microseconds, height: Double) {
        let step: Microseconds = end > 120_000_000 ? 30_000_000 : (end > 40_000_000 ? 10_000_000 : 5_000_000)
        var tick: Microseconds = 0
        while tick <= end {
            let position = left + x(tick)
            svg.element("line", ["class": "tick", "x1": number(position), "y1": "34", "x2": number(position), "y2": number(height - 50)])
            svg.element("text", ["class": "tick-label", "x": number(position), "y": number(height - 34)], text: Seconds.shortest(tick))
            tick += step
        }
    }

    private static func bar(_ svg: inout SVGBuilder, lane: Int, from: Microseconds, to: Microseconds, classes: String, title: String, inset: Double) {
        let top = laneTop(lane) + inset
        svg.open("rect", ["class": classes, "x": number(left + x(from)), "y": number(top),
                          "width": number(max(1, x(to) - x(from))), "height": number(laneHeight - 2 * inset)])
        svg.element("title", text: "\(seconds(from))-\(seconds(to)): \(title)")
        svg.close("rect")
    }

    private static func marker(_ svg: inout SVGBuilder, lane: Int, at time: Microseconds, classes: String, title: String) {
        svg.open("line", ["class": classes, "x1": number(left + x(time)), "y1": number(laneTop(lane) + 2),
                          "x2": number(left + x(time)), "y2": number(laneTop(lane) + laneHeight - 2)])
        svg.element("title", text: "\(seconds(time)): \(title)")
        svg.close("line")
    }

    private static func laneTop(_ index: Int) -> Double { 40 + Double(index) * laneHeight }
    private static func x(_ time: Microseconds) -> Double { Double(time) / 1_000_000 * pixelsPerSecond }
    private static func seconds(_ time: Microseconds) -> String { Seconds.format(time, decimals: 2) + " s" }

    /// Whole pixels print without a fraction; others with two decimals, so the file is byte-identical everywhere.
    static func number(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        let fraction = abs(hundredths % 100)
        return fraction == 0 ? String(hundredths / 100) : "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }

    static let style = """
    .title{font-weight:bold} .lane{fill:#fafafa;stroke:#e4e4e4} .lane-label{fill:#444}
    .tick{stroke:#ddd} .tick-label{fill:#888;text-anchor:middle}
    .caller{fill:#4e79a7} .agent{fill:#59a14f} .agent.filler{fill:#f28e2b} .agent.first-message{fill:#8cd17d}
    .agent.re-engagement{fill:#b6992d} .agent.closing{fill:#9c755f} .agent.cut{opacity:.55}
    .llm{fill:#bab0ac} .llm.cancelled{fill:none;stroke:#bab0ac;stroke-dasharray:3 2}
    .timer{fill:#e15759;opacity:.35} .timer.fired{opacity:.8} .interruption{stroke:#e15759;stroke-width:3}
    .gap{stroke:#333;stroke-width:2} .gap-label{fill:#333;font-size:11px} .legend-label{fill:#444;font-size:11px}
    """
}

/// Writes well-formed XML: attributes in a fixed order, text escaped.
struct SVGBuilder {
    private(set) var output = ""
    private var depth = 0

    mutating func open(_ name: String, _ attributes: KeyValuePairs<String, String> = [:]) {
        output += indent + "<\(name)\(render(attributes))>\n"
        depth += 1
    }

    mutating func close(_ name: String) {
        depth -= 1
        output += indent + "</\(name)>\n"
    }

    mutating func element(_ name: String, _ attributes: KeyValuePairs<String, String> = [:], text: String? = nil) {
        if let text {
            output += indent + "<\(name)\(render(attributes))>\(XMLText.escaped(text))</\(name)>\n"
        } else {
            output += indent + "<\(name)\(render(attributes))/>\n"
        }
    }

    private var indent: String { String(repeating: "  ", count: depth) }

    private func render(_ attributes: KeyValuePairs<String, String>) -> String {
        attributes.map { " \($0.key)=\"\(XMLText.escaped($0.value))\"" }.joined()
    }
}
