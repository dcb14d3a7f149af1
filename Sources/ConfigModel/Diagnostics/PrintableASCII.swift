extension StringProtocol {
    /// Whether the text is spaces and visible ASCII only (no controls, tabs or other code points): most keys,
    /// values, messages and lines are, and such text needs no escaping, naming or width lookup. Read as bytes.
    var isPrintableASCII: Bool {
        utf8.withContiguousStorageIfAvailable { bytes in bytes.allSatisfy { $0 >= 0x20 && $0 < 0x7F } }
            ?? utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F }
    }
}
