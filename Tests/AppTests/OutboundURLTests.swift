import DudaoCore
import XCTVapor

@testable import App

/// The check of addresses the server is asked to call (the district's webhook), as the HTTP client reads them.
/// No external network in tests: literal addresses, `localhost`, and a name under `.invalid` that never resolves.
final class OutboundURLTests: XCTestCase {
    private typealias Problem = OutboundURL.Problem

    private static func v4(_ text: String) -> IPAddress { NetworkAddress.ipv4Standard(text)! }
    private static func v6(_ text: String) -> IPAddress { NetworkAddress.ipv6(text)! }

    private static func notPublic(_ a: IPAddress) -> Problem { .refused(.notPublic(a, NetworkAddress.classify(a))) }

    func testInsideAddressesAreRefusedInEveryForm() async {
        let loopback = Self.notPublic(Self.v4("127.0.0.1"))
        let table: [(String, Problem)] = [
            ("http://127.0.0.1/hook", loopback),
            ("https://127.0.0.1:8443/hook", loopback),
            ("http://127.1/", loopback),
            ("http://2130706433/", loopback),
            ("http://0x7f.1/", loopback),
            ("http://0x7f000001/", loopback),
            ("http://017700000001/", loopback),
            ("http://127.0.0.1./", loopback),
            ("http://127.0.0.2/", Self.notPublic(Self.v4("127.0.0.2"))),
            ("http://[::1]/hook", Self.notPublic(Self.v6("::1"))),
            ("http://[::ffff:127.0.0.1]/hook", Self.notPublic(Self.v6("::ffff:127.0.0.1"))),
            ("http://[::ffff:7f00:1]/hook", Self.notPublic(Self.v6("::ffff:127.0.0.1"))),
            ("http://[::]/", Self.notPublic(Self.v6("::"))),
            ("http://0.0.0.0:8080/", Self.notPublic(Self.v4("0.0.0.0"))),
            ("http://0/", Self.notPublic(Self.v4("0.0.0.0"))),
            ("http://169.254.169.254/latest/meta-data/", Self.notPublic(Self.v4("169.254.169.254"))),
            ("http://2852039166/latest/meta-data/", Self.notPublic(Self.v4("169.254.169.254"))),
            ("http://[fe80::1]/", Self.notPublic(Self.v6("fe80::1"))),
            ("http://10.0.0.1/", Self.notPublic(Self.v4("10.0.0.1"))),
            ("http://172.16.5.4/", Self.notPublic(Self.v4("172.16.5.4"))),
            ("http://192.168.1.10/robot", Self.notPublic(Self.v4("192.168.1.10"))),
            ("http://[fd00::1]/", Self.notPublic(Self.v6("fd00::1"))),
            ("http://100.64.0.1/", Self.notPublic(Self.v4("100.64.0.1"))),
            ("http://224.0.0.1/", Self.notPublic(Self.v4("224.0.0.1"))),
            ("http://255.255.255.255/", Self.notPublic(Self.v4("255.255.255.255"))),
            ("http://localhost/hook", .refused(.localName("localhost"))),
            ("http://LOCALHOST:8080/hook", .refused(.localName("localhost"))),
            ("http://localhost./hook", .refused(.localName("localhost"))),
            ("http://admin.localhost/", .refused(.localName("admin.localhost"))),
            ("http://134744072/", .refused(.unusualNumber(Self.v4("8.8.8.8")))),
            ("http://1.2.3.4.5/", .refused(.invalidHost)),
        ]
        for (url, expected) in table {
            let result = await OutboundURL.check(url)
            XCTAssertEqual(result, .failure(expected), url)
        }
    }

    func testOnlyHTTPAndHTTPSWithoutUserInfo() async {
        let table: [(String, Problem)] = [
            ("ftp://8.8.8.8/hook", .notHTTP),
            ("gopher://127.0.0.1:9/hook", .notHTTP),
            ("file:///etc/passwd", .notHTTP),
            ("http+unix://%2Ftmp%2Fdudao.sock/hook", .notHTTP),
            ("unix:///tmp/dudao.sock", .notHTTP),
            ("qyapi.weixin.qq.com/cgi-bin/webhook/send", .notHTTP),
            ("http://", .notHTTP),
            ("", .notHTTP),
            ("not a url", .notHTTP),
            ("http://robot:secret@8.8.8.8/hook", .userInfo),
            ("http://8.8.8.8@127.0.0.1/hook", .userInfo),
            ("https://" + String(repeating: "a", count: 500) + ".cn/", .tooLong),
        ]
        for (url, expected) in table {
            let result = await OutboundURL.check(url)
            XCTAssertEqual(result, .failure(expected), url)
        }
    }

    func testPublicLiteralAddressesPassWithTheAddressToConnectTo() async {
        let table: [(String, String, Int, IPAddress)] = [
            ("https://8.8.8.8/cgi-bin/webhook/send?key=abc", "8.8.8.8", 443, Self.v4("8.8.8.8")),
            ("http://114.114.114.114:8080/robot/send", "114.114.114.114", 8080, Self.v4("114.114.114.114")),
            ("https://[2400:3200::1]/send", "[2400:3200::1]", 443, Self.v6("2400:3200::1")),
            ("HTTPS://8.8.4.4/", "8.8.4.4", 443, Self.v4("8.8.4.4")),
        ]
        for (url, host, port, address) in table {
            let result = await OutboundURL.check(url)
            XCTAssertEqual(result, .success(.init(url: url, host: host, port: port, address: address)), url)
        }
    }

    func testANameThatDoesNotResolveIsRefusedWithItsOwnMessage() async {
        let result = await OutboundURL.check("https://robot.dudao-test.invalid/send")

        XCTAssertEqual(result, .failure(.refused(.unresolvable("robot.dudao-test.invalid"))))
        guard case .failure(let problem) = result else { return }
        XCTAssertEqual(problem.message, "无法解析推送地址中的域名 robot.dudao-test.invalid，请检查网址是否正确")
        XCTAssertTrue(problem.isTransient, "a delivery to it is tried again later")
    }

    func testLocalhostResolvesToTheMachineItselfAndIsRefusedEvenThroughDNS() async {
        // `localhost` is refused by name; its resolution shows why.
        let resolved = await OutboundURL.resolve("localhost")
        XCTAssertFalse(resolved.isEmpty)
        XCTAssertTrue(resolved.allSatisfy { NetworkAddress.classify($0).kind == .loopback }, "\(resolved)")
        XCTAssertEqual(
            NetworkAddress.check(resolved: resolved, name: "localhost"),
            .notPublic(resolved[0], NetworkAddress.classify(resolved[0])))
    }

    func testTheTestAllowanceOpensLoopbackOnItsPortsOnly() async {
        let allowance = OutboundAllowance(loopbackPorts: [18080])

        let allowed = await OutboundURL.check("http://127.0.0.1:18080/hook", allowance: allowance)
        let otherPort = await OutboundURL.check("http://127.0.0.1:18081/hook", allowance: allowance)
        let byName = await OutboundURL.check("http://localhost:18080/hook", allowance: allowance)
        let privateNet = await OutboundURL.check("http://10.0.0.1:18080/hook", allowance: allowance)
        let none = await OutboundURL.check("http://127.0.0.1:18080/hook")

        XCTAssertEqual(
            allowed,
            .success(
                .init(url: "http://127.0.0.1:18080/hook", host: "127.0.0.1", port: 18080, address: Self.v4("127.0.0.1"))
            ))
        XCTAssertEqual(otherPort, .failure(Self.notPublic(Self.v4("127.0.0.1"))))
        XCTAssertEqual(byName, .failure(.refused(.localName("localhost"))))
        XCTAssertEqual(privateNet, .failure(Self.notPublic(Self.v4("10.0.0.1"))))
        XCTAssertEqual(none, .failure(Self.notPublic(Self.v4("127.0.0.1"))), "the default has no exceptions")
        XCTAssertEqual(OutboundAllowance().loopbackPorts, [])
    }

    func testMessagesSayWhatIsWrongInChinese() {
        let rule = "推送地址必须是互联网上的 http(s) 地址，不能指向内网或本机"
        XCTAssertEqual(Problem.notHTTP.message, rule)
        XCTAssertEqual(Self.notPublic(Self.v4("127.0.0.1")).message, rule + "（127.0.0.1 是本机地址）")
        XCTAssertEqual(Self.notPublic(Self.v4("192.168.1.10")).message, rule + "（192.168.1.10 是内网地址）")
        XCTAssertEqual(Problem.refused(.localName("localhost")).message, rule + "（localhost 指向本机）")
        XCTAssertEqual(Problem.userInfo.message, rule + "，也不能包含用户名或密码")
        XCTAssertEqual(Self.notPublic(Self.v4("10.0.0.1")).deliveryError, "地址指向内网，已拒绝发送")
        XCTAssertEqual(Problem.refused(.localName("localhost")).deliveryError, "地址指向内网，已拒绝发送")
        XCTAssertFalse(Self.notPublic(Self.v4("10.0.0.1")).isTransient)
    }
}
