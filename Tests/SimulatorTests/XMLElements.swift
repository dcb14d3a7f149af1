import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Counts the elements of an XML document, keeping the attributes of the last of each name.
final class ElementCounter: NSObject, XMLParserDelegate {
    var names: [String: Int] = [:]
    var attributes: [String: [String: String]] = [:]
    var all: [(name: String, attributes: [String: String])] = []

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        names[name, default: 0] += 1
        self.attributes[name] = attributes
        all.append((name, attributes))
    }
}

extension ElementCounter {
    /// Parses `text`; false when it is not well-formed XML.
    static func parse(_ text: String) -> (ElementCounter, Bool) {
        let parser = XMLParser(data: Data(text.utf8))
        let counter = ElementCounter()
        parser.delegate = counter
        return (counter, parser.parse())
    }
}
