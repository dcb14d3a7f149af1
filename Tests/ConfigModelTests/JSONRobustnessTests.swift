import ConfigModel
import TestSupport
import XCTest

/// Every input ends in a value or a located failure, never a trap; what is read is written back as read.
final class JSONRobustnessTests: XCTestCase {
    private let sample = Array(#"""
    {"name":"Desk \"A\"","n":[0,-1,7.0,2.5e-3,1E+2,12345678901234567890],"t":true,"f":false,"z":null,
     "s":"\u00e9\ud83d\ude00\n\t\\\/","nested":{"a":[{"b":[]},{}]},"caf\u00e9":"é😀"}
    """#.utf8)

    /// Parses `bytes`; on success checks that writing and reading again gives the same text, on failure that the
    /// offset lies within the input.
    private func check(_ bytes: [UInt8], file: StaticString = #filePath, line: UInt = #line) {
        do {
            let value = try JSONParser.parse(bytes)
            let written = JSONText.encode(value)
            let reread = try JSONParser.parse(written)
            XCTAssertEqual(JSONText.encode(reread), written, file: file, line: line)
            XCTAssertEqual(reread, value, file: file, line: line)
        } catch {
            XCTAssertTrue((0...bytes.count).contains(error.offset), "\(error) for \(bytes.count) bytes", file: file, line: line)
        }
    }

    func testTheSampleRoundTripsExactly() throws {
        let value = try JSONParser.parse(sample)
        let written = JSONText.encode(value)
        XCTAssertTrue(written.contains(#""n":[0,-1,7.0,2.5e-3,1E+2,12345678901234567890]"#), written)
        XCTAssertEqual(try JSONParser.parse(written), value)
    }

    func testEveryPrefixIsAnErrorWithinTheInput() {
        for length in 0..<sample.count {
            let prefix = Array(sample[..<length])
            XCTAssertThrowsError(try JSONParser.parse(prefix), "prefix of \(length) bytes") { error in
                let offset = (error as? JSONParser.Failure)?.offset ?? -1
                XCTAssertTrue((0...length).contains(offset), "offset \(offset) for \(length) bytes")
            }
        }
    }

    func testMutatedDocumentsNeverTrap() {
        var random = SeededRandom(seed: 11)
        let interesting = Array(#"\u"{}[],:-+.0123456789eEtrufalsn"#.utf8) + [0x00, 0x1F, 0x80, 0xC3, 0xED, 0xF0, 0xFF]
        for _ in 0..<20_000 {
            var bytes = sample
            for _ in 0...random.below(4) {
                let position = random.below(bytes.count)
                switch random.below(4) {
                case 0: bytes[position] = interesting[random.below(interesting.count)]
                case 1: bytes.insert(interesting[random.below(interesting.count)], at: position)
                case 2: bytes.remove(at: position)
                default: bytes[position] = UInt8(truncatingIfNeeded: random.next())
                }
                if bytes.isEmpty { bytes = [0x5B] }
            }
            check(bytes)
        }
    }

    func testRandomEscapesNeverTrap() {
        var random = SeededRandom(seed: 9)
        let hex = Array("0123456789abcdefABCDEF".utf8)
        for _ in 0..<20_000 {
            var text = "\""
            for _ in 0...random.below(3) {
                let prefix = ["D8", "DB", "DC", "DF", "00", "FF"][random.below(6)]
                text += "\\u" + prefix + String(decoding: (0..<2).map { _ in hex[random.below(hex.count)] }, as: UTF8.self)
            }
            check(Array((text + "\"").utf8))
        }
    }

    func testRandomNumbersNeverTrap() {
        var random = SeededRandom(seed: 5)
        let alphabet = Array("-+.eE0123456789".utf8)
        for _ in 0..<20_000 {
            let bytes = (0...random.below(12)).map { _ in alphabet[random.below(alphabet.count)] }
            check(bytes)
            if let value = try? JSONParser.parse(bytes), case .number(let number) = value {
                XCTAssertTrue(number.doubleValue.isFinite, number.text)
                XCTAssertEqual(JSONNumber(number.text)?.text, number.text)
            }
        }
    }
}
