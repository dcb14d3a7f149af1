import AgentSchema
import Simulator
import XCTest

/// The simulator's settings are the API's fields: each default it runs with is the field table's.
final class SettingsDefaultsTests: XCTestCase {
    /// Every leaf of the settings, by its path in an agent file, with its value.
    private func leaves(of value: Any, path: [String]) -> [(path: [String], value: Any)] {
        let mirror = Mirror(reflecting: value)
        guard mirror.displayStyle == .struct, !mirror.children.isEmpty else { return [(path, value)] }
        return mirror.children.flatMap { leaves(of: $0.value, path: path + [$0.label ?? "?"]) }
    }

    func testEveryDefaultIsTheTablesDefaultForItsPath() throws {
        let settings = leaves(of: SimulationSettings(), path: ["conversation_config"])
        XCTAssertGreaterThan(settings.count, 15)
        for (path, value) in settings {
            let name = path.joined(separator: ".")
            XCTAssertNotNil(FieldTable.agent.rule(name), "\(name) is not a field of an agent file")
            let expected = FieldTable.agent.defaultValue(at: path)
            switch value {
            case let number as Double: XCTAssertEqual(expected?.numberValue, number, name)
            case let number as Int: XCTAssertEqual(expected?.numberValue, Double(number), name)
            case let text as String: XCTAssertEqual(expected?.stringValue, text, name)
            case let flag as Bool: XCTAssertEqual(expected?.boolValue, flag, name)
            case let eagerness as TurnEagerness: XCTAssertEqual(expected?.stringValue, eagerness.rawValue, name)
            case let texts as [String]:
                XCTAssertEqual(expected?.arrayValue?.compactMap(\.stringValue) ?? [], texts, name)
            default:
                // Optional fields the table gives no default: unset until a file sets them.
                XCTAssertNil(expected, name)
                XCTAssertTrue(String(describing: value) == "nil", "\(name): \(value) has no default in the table")
            }
        }
    }
}
