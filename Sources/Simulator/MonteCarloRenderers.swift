import ConfigModel

/// A Monte Carlo report as text.
public enum MonteCarloTextRenderer {
    public static func render(_ report: MonteCarloReport) -> String {
        var output = "simulated calls: \(report.runs) runs of \(report.scriptFile), seed \(report.seed)\n"
        output += "llm latency: lognormal \(report.llmLatency.description) (every request; script latencies not used)\n"
        output += "settings\n"
        for row in report.settings.listing { output += "  \(row.name) = \(row.value)\n" }
        output += "assumptions (not published by the vendor; override with name=value)\n"
        for row in report.assumptions.listing { output += "  \(row)\n" }
        output += "\nresults\n"
        output += "  user turns: \(report.turns) (\(report.answeredTurns) answered)\n"
        func gap(_ value: Microseconds?) -> String { value.map { Seconds.format($0, decimals: 2) + " s" } ?? "-" }
        output += "  response gap (user stops -> first agent audio): p50 \(gap(report.responseGapP50)), p95 \(gap(report.responseGapP95)), p99 \(gap(report.responseGapP99)), max \(gap(report.responseGapMax))\n"
        output += "  turns with a filler: \(report.turnsWithFiller) (\(percent(report.turnsWithFiller, of: report.turns)))\n"
        output += "  re-engagements: \(report.reEngagements) in \(report.callsWithReEngagement) calls (\(percent(report.callsWithReEngagement, of: report.runs)) of calls)\n"
        let endings = CallEndReason.allCases.map { "\($0.rawValue) \(report.callsEndedBy[$0] ?? 0) (\(percent(report.callsEndedBy[$0] ?? 0, of: report.runs)))" }
        output += "  calls ended by: " + endings.joined(separator: ", ") + "\n"
        return output
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
            ("llm_latency", .object([
                ("distribution", .string("lognormal")),
                ("median", .seconds(report.llmLatency.median)),
                ("p95", .seconds(report.llmLatency.p95)),
            ])),
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
            ("turns_with_filler", .int(report.turnsWithFiller)),
            ("filler_turn_share", .fraction(millionths: MonteCarloReport.share(report.turnsWithFiller, of: report.turns))),
            ("re_engagements", .int(report.reEngagements)),
            ("calls_with_re_engagement", .int(report.callsWithReEngagement)),
            ("calls_ended_by", .object(CallEndReason.allCases.map { ($0.rawValue, .int(report.callsEndedBy[$0] ?? 0)) })),
        ]), oneItemPerLine: [])
    }
}
