extension Duration {
    /// The duration in seconds, fractions included (for `Thread` pauses and comparisons with measured seconds).
    var inSeconds: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}
