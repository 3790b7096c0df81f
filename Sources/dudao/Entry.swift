import App
import Foundation

@main
struct Main {
    static func main() async {
        DudaoMain.prepareRuntime()
        do {
            try await DudaoMain.run()
        } catch {
            FileHandle.standardError.write(Data("督导启动失败：\(error)\n".utf8))
            exit(1)
        }
    }
}
