import App
@main struct Main { static func main() async throws { try await DudaoMain.run() } }
