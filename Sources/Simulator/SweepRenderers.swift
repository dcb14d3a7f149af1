import ConfigModel

/// A sweep as one table row per value, so a designer picks a number from evidence.
public enum SweepTextRenderer {
    public static func render(_ sweep: Sweep, rows: [SweepRow]) -> String {
        guard let first = rows.first?.report else { return "" }
        var output = "sweep of \(sweep.path): \(first.scriptFile), "
        output += first.llmLatency.map { "\(first.runs) runs per value, seed \(first.seed), llm latency lognormal \($0.description) (\(first.latencyUse))" }
            ?? first.latencyUse
        output += "\nseconds from the caller stopping, over all caller turns\n"
        let width = max(5, rows.map(\.value.count).max() ?? 0)
        output += "  " + TimelineTextRenderer.pad("value", width) + "  first audio p50   p95   max  answer p50   p95  with filler  re-engagements  ended by silence  max duration\n"
        func cell(_ value: Microseconds?, _ cellWidth: Int) -> String {
            TimelineTextRenderer.pad(value.map { Seconds.format($0, decimals: 2) } ?? "-", cellWidth, right: true)
        }
        for row in rows {
            let report = row.report
            output += "  " + TimelineTextRenderer.pad(row.value, width)
            output += cell(report.responseGapP50, 17) + cell(report.responseGapP95, 6) + cell(report.responseGapMax, 6)
            output += cell(report.answer.p50, 12) + cell(report.answer.p95, 6)
            output += TimelineTextRenderer.pad(MonteCarloTextRenderer.percent(report.turnsWithFiller, of: report.turns), 13, right: true)
            output += TimelineTextRenderer.pad(String(report.reEngagements), 16, right: true)
            output += TimelineTextRenderer.pad(String(report.callsEndedBy[.silenceTimeout] ?? 0), 18, right: true)
            output += TimelineTextRenderer.pad(String(report.callsEndedBy[.maxDuration] ?? 0), 14, right: true) + "\n"
        }
        return output
    }
}

public enum SweepJSONRenderer {
    public static func render(_ sweep: Sweep, rows: [SweepRow]) -> String {
        JSONText.document(JSONObject([
            ("sweep", .string(sweep.path)),
            ("rows", .array(rows.map { row in
                .object([
                    ("value", .string(row.value)),
                    ("runs", .int(row.report.runs)),
                    ("turns", .int(row.report.turns)),
                    ("first_audio", MonteCarloJSONRenderer.percentiles(Percentiles(row.report))),
                    ("answer", MonteCarloJSONRenderer.percentiles(row.report.answer)),
                    ("turns_with_filler", .int(row.report.turnsWithFiller)),
                    ("filler_turn_share", .fraction(millionths: MonteCarloReport.share(row.report.turnsWithFiller, of: row.report.turns))),
                    ("re_engagements", .int(row.report.reEngagements)),
                    ("calls_ended_by", .object(CallEndReason.allCases.map { ($0.rawValue, .int(row.report.callsEndedBy[$0] ?? 0)) })),
                ])
            })),
        ]), oneItemPerLine: ["rows"])
    }
}

extension Percentiles {
    /// The report's response-gap percentiles as one value.
    init(_ report: MonteCarloReport) {
        p50 = report.responseGapP50
        p95 = report.responseGapP95
        p99 = report.responseGapP99
        max = report.responseGapMax
    }
}
