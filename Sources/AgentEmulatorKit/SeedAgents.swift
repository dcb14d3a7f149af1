import Foundation

/// The agents `--seed-agents N` starts with: varied enough that a pull writes distinct files.
enum SeedAgents {
    private static let roles = ["Support", "Sales", "Booking", "Billing", "Onboarding"]
    private static let turnTimeouts: [JSONValue] = [.double(5.0), .double(7.0), .double(10.0), .double(12.5)]

    static func body(_ index: Int) -> JSONValue {
        let role = roles[(index - 1) % roles.count]
        let number = String(format: "%03d", index)
        return .object([
            "name": .string("\(role) agent \(number)"),
            "tags": .array(["seeded", .string(role.lowercased())]),
            "conversation_config": .object([
                "agent": .object([
                    "first_message": .string("Hello, this is the \(role.lowercased()) line. How can I help?"),
                    "language": "en",
                    "prompt": .object([
                        "prompt": .string("You are \(role.lowercased()) agent number \(index). Be brief and friendly."),
                    ]),
                ]),
                "turn": .object(["turn_timeout": turnTimeouts[(index - 1) % turnTimeouts.count]]),
            ]),
        ])
    }
}
