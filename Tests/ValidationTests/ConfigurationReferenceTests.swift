import AgentSchema
@testable import Validation
import XCTest

final class ConfigurationReferenceTests: XCTestCase {
    private let markdown = ConfigurationReference(.agent).markdown

    func testSectionsCoverTheWholeTableAndEachPartHoldsOnlyItsOwnFields() {
        for kind in FileKind.allCases {
            let table = kind.table, markdown = ConfigurationReference(kind).markdown
            XCTAssertEqual(table.sections.map(\.count).reduce(0, +), table.all.count)
            for section in table.sections.dropFirst() {
                let base = section[0].path
                XCTAssertTrue([.object, .map, .list].contains(section[0].type), base)
                for rule in section.dropFirst() {
                    XCTAssertTrue([".", "[", "{"].contains { rule.path.hasPrefix(base + $0) }, rule.path)
                }
                if !section[0].isVariant { XCTAssertTrue(markdown.contains("\n## `\(base)`\n"), base) }
            }
        }
    }

    func testAUnionsShapesAreSectionsNamedByTheirDiscriminator() {
        let tools = ConfigurationReference(.tool).markdown
        XCTAssertTrue(tools.contains("\n## `tool_config` with `type: webhook`\n"))
        XCTAssertTrue(tools.contains("- [`tool_config` with `type: mcp`](#tool_config-with-type-mcp)\n"))
        XCTAssertTrue(tools.contains("| `tool_config` | object, by `type` | required; `webhook`, `client`, `system`, `mcp` |"))
        XCTAssertTrue(tools.contains("| `response_timeout_secs` | whole number | between 5 and 300 | `20` |"))
        XCTAssertTrue(tools.contains("| `response_timeout_secs` | whole number | between 1 and 120 | `20` |"))
        let tests = ConfigurationReference(.test).markdown
        XCTAssertTrue(tests.contains("\n## Files with `type: simulation`\n"))
        XCTAssertTrue(tests.contains("| `simulation_max_turns` | whole number | between 1 and 50 | `5` |"))
    }

    func testEveryFieldHasARowWithItsTypeAllowedValuesDefaultAndMeaning() {
        let rows = markdown.split(separator: "\n").filter { $0.hasPrefix("| `") }
        XCTAssertEqual(rows.count, FieldTable.agent.all.count - (FieldTable.agent.sections.count - 1) + RuleID.allCases.count)
        XCTAssertTrue(markdown.contains(
            "| `soft_timeout_config.timeout_seconds` | number | -1 (disabled) or between 0.5 and 8 | `-1` | Time in seconds"))
        XCTAssertTrue(markdown.contains(
            "| `soft_timeout_config.message` | text | 1-200 characters | `\"Hhmmmm...yeah.\"` | Message to show"))
        XCTAssertTrue(markdown.contains("| `soft_timeout_config.additional_soft_timeout_messages` | list of text | at most 7 items |  |"))
        XCTAssertTrue(markdown.contains("| `turn_eagerness` | text | `patient`, `normal`, `eager` | `\"normal\"` |"))
        XCTAssertTrue(markdown.contains("`eleven_turbo_v2` (deprecated), `eleven_turbo_v2_5` (deprecated), `eleven_flash_v2`"))
        XCTAssertTrue(markdown.contains("| `optimize_streaming_latency` | whole number | `0`, `1`, `2`, `3`, `4` | `3` | Deprecated: "))
        XCTAssertTrue(markdown.contains("| `platform_settings` | map or null |  |  | Agent platform settings"))
        XCTAssertTrue(markdown.contains("| `*.overrides.tts.model_id` | text or null |"))
    }

    func testEveryRuleIsListedWithItsSeverityAndSummary() {
        for rule in RuleID.allCases {
            XCTAssertTrue(markdown.contains("| `\(rule.rawValue)` | \(rule.severity.rawValue) | \(rule.summary) |"), rule.rawValue)
        }
    }

    func testTheContentsLinkToGitHubsHeadingAnchors() {
        XCTAssertTrue(markdown.contains("- [`conversation_config.agent.prompt.built_in_tools`](#conversation_configagentpromptbuilt_in_tools)\n"))
        XCTAssertTrue(markdown.contains("- [Top level](#top-level)\n"))
    }

    func testTableCellsStayOnOneLine() {
        XCTAssertEqual(ConfigurationReference.allowedText(FieldTable.agent.rule("conversation_config.tts.suggested_audio_tags")!),
                       "at most 20 items")
        for line in markdown.split(separator: "\n") where line.hasPrefix("| `") {
            XCTAssertTrue(line.hasSuffix(" |"), String(line))
        }
    }
}
