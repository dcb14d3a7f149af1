import ConfigModel

/// A Monte Carlo report as text.
public enum MonteCarloTextRenderer {
    public static func render(_ report: MonteCarloReport) -> String {
        var output = "simulated calls: \(report.runs) runs of \(report.scriptFile), seed \(report.seed)\n"
        output += "llm latency: " + (report.llmLatency.map { "lognormal \($0.description) (\(report.latencyUse))" } ?? report.latencyUse) + "\n"
        output += "settings\n"
        for row in report.settings.listing { output += "  \(row.name) = \(row.value)\n" }
        output += "assumptions (not published by the vendor; override with name=value)\n"
        for row in report.assumptions.listing { output += "  \(row)\n" }
        output += TimelineTextRenderer.warningsSection(report.settings.warnings)
        output += "\nresults\n"
        output += "  user turns: \(report.turns) (\(report.answeredTurns) answered)\n"
        func gap(_ value: Microseconds?) -> String { value.map { Seconds.format($0, decimals: 2) + " s" } ?? "-" }
        output += "  response gap (user stops -> first agent audio): p50 \(gap(report.responseGapP50)), p95 \(gap(report.responseGapP95)), p99 \(gap(report.responseGapP99)), max \(gap(report.responseGapMax))\n"
        output += "  answer (user stops -> the reply itself): \(percentiles(report.answer))\n"
        output += "  turns with a filler: \(report.turnsWithFiller) (\(percent(report.turnsWithFiller, of: report.turns)))\n"
        output += "  re-engagements: \(report.reEngagements) in \(report.callsWithReEngagement) calls (\(percent(report.callsWithReEngagement, of: report.runs)) of calls)\n"
        let endings = CallEndReason.allCases.map { "\($0.rawValue) \(report.callsEndedBy[$0] ?? 0) (\(percent(report.callsEndedBy[$0] ?? 0, of: report.runs)))" }
        output += "  calls ended by: " + endings.joined(separator: ", ") + "\n"
        return output + perTurn(report)
    }

    /// One row per caller turn: how soon the caller hears something, how soon the answer, how often a filler.
    static func perTurn(_ report: MonteCarloReport) -> String {
        guard !report.perTurn.isEmpty else { return "" }
        var output = "\nper caller turn (seconds from the caller stopping)\n"
        output += "  turn  line   calls  first audio p50   p95  answer p50   p95  with filler  re-engagements after\n"
        func cell(_ value: Microseconds?, _ width: Int) -> String {
            TimelineTextRenderer.pad(value.map { Seconds.format($0, decimals: 2) } ?? "-", width, right: true)
        }
        for turn in report.perTurn {
            output += "  " + TimelineTextRenderer.pad(String(turn.number), 4, right: true)
            output += TimelineTextRenderer.pad(String(turn.line), 6, right: true)
            output += TimelineTextRenderer.pad(String(turn.count), 8, right: true)
            output += cell(turn.firstAudio.p50, 17) + cell(turn.firstAudio.p95, 6)
            output += cell(turn.answer.p50, 12) + cell(turn.answer.p95, 6)
            output += TimelineTextRenderer.pad(percent(turn.turnsWithFiller, of: turn.count), 13, right: true)
            output += TimelineTextRenderer.pad(String(turn.reEngagementsAfter), 22, right: true) + "\n"
        }
        return output
    }

    static func percentiles(_ values: Percentiles) -> String {
        func gap(_ value: Microseconds?) -> String { value.map { Seconds.format($0, decimals: 2) + " s" } ?? "-" }
        return "p50 \(gap(values.p50)), p95 \(gap(values.p95)), p99 \(gap(values.p99)), max \(gap(values.max))"
    }

    /// `12.3%`, from integers only.
    static func percent(_ part: Int, of whole: Int) -> String {
        let tenths = (MonteCarloReport.share(part, of: whole) + 500) / 1000
        return "\(tenths / 10).\(tenths % 10)%"
    }
}

/// A Monte Carlo report as one JSON document.
public enum MonteCarloJSONRenderer {
    public static func render(_ report: MonteCarloReport) -> String {
        func optional(_ value: Microseconds?) -> JSONValue { value.map(JSONValue.seconds) ?? .null }
        return JSONText.document(JSONObject([
            ("script", .string(report.scriptFile)),
            ("runs", .int(report.runs)),
            ("seed", .int(report.seed)),
            ("llm_latency", report.llmLatency.map { latency in
                .object([
                    ("distribution", .string("lognormal")),
                    ("median", .seconds(latency.median)),
                    ("p95", .seconds(latency.p95)),
                    ("used_for", .string(report.latencyUse)),
                ])
            } ?? .null),
            ("settings", report.settings.json),
            ("assumptions", report.assumptions.json),
            ("assumptions_set", .array(report.assumptions.entries.filter(\.isOverridden).map { .string($0.assumption.name.rawValue) })),
            ("turns", .int(report.turns)),
            ("answered_turns", .int(report.answeredTurns)),
            ("response_gap", .object([
                ("p50", optional(report.responseGapP50)),
                ("p95", optional(report.responseGapP95)),
                ("p99", optional(report.responseGapP99)),
                ("max", optional(report.responseGapMax)),
            ])),
            ("answer", percentiles(report.answer)),
            ("turns_with_filler", .int(report.turnsWithFiller)),
            ("filler_turn_share", .fraction(millionths: MonteCarloReport.share(report.turnsWithFiller, of: report.turns))),
            ("re_engagements", .int(report.reEngagements)),
            ("calls_with_re_engagement", .int(report.callsWithReEngagement)),
            ("calls_ended_by", .object(CallEndReason.allCases.map { ($0.rawValue, .int(report.callsEndedBy[$0] ?? 0)) })),
            ("expectations", ExpectationRenderer.json(report.expectations)),
            ("per_turn", .array(report.perTurn.map { turn in
                .object([
                    ("turn", .int(turn.number)),
                    ("line", .int(turn.line)),
                    ("calls", .int(turn.count)),
                    ("first_audio", percentiles(turn.firstAudio)),
                    ("answer", percentiles(turn.answer)),
                    ("turns_with_filler", .int(turn.turnsWithFiller)),
                    ("filler_turn_share", .fraction(millionths: MonteCarloReport.share(turn.turnsWithFiller, of: turn.count))),
                    ("re_engagements_after", .int(turn.reEngagementsAfter)),
                ])
            })),
        ]), oneItemPerLine: ["per_turn", "expectations"])
    }

    static func percentiles(_ values: Percentiles) -> JSONValue {
        func optional(_ value: Microseconds?) -> JSONValue { value.map(JSONValue.seconds) ?? .null }
        return .object([("p50", optional(values.p50)), ("p95", optional(values.p95)), ("p99", optional(values.p99)),
                        ("max", optional(values.max))])
    }
}
