/// A measured duration as a number, for figures printed or exported (`/metrics`, the seed and benchmark commands).
extension Duration {
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
