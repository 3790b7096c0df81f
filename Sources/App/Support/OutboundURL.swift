import DudaoCore
import Foundation
import NIOCore
import Vapor

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Exceptions to the public-internet rule for outgoing calls. Only tests set this (to reach a receiver they
/// start on 127.0.0.1); it is never read from the environment or configuration, so production has none.
struct OutboundAllowance: Sendable {
    /// Loopback addresses are allowed on these ports only.
    var loopbackPorts: Set<Int> = []
}

struct OutboundAllowanceKey: StorageKey { typealias Value = OutboundAllowance }

extension Application {
    var outboundAllowance: OutboundAllowance {
        get { storage[OutboundAllowanceKey.self] ?? OutboundAllowance() }
        set { storage[OutboundAllowanceKey.self] = newValue }
    }
}

/// Calls to addresses that users typed (the district's webhook). Such an address must be http(s) to a host on
/// the public internet: the server is never to be made to call itself, its own network or the cloud metadata
/// service. `check` reads the URL exactly as the HTTP client will, classifies a literal address, or resolves a
/// name and requires every address to be public; `post` then connects to the address that was checked (the
/// client's own lookup is overridden, so a name cannot resolve differently between check and call), with a
/// 5-second limit and without following redirects.
enum OutboundURL {
    static let maxLength = 500
    static let timeout: Int64 = 5

    /// A URL that passed the check, and the address to connect to.
    struct Target: Sendable, Equatable {
        let url: String
        let host: String
        let port: Int
        let address: IPAddress
    }

    enum Problem: Error, Equatable {
        case tooLong
        case notHTTP
        case userInfo
        case refused(NetworkAddress.Refusal)

        /// Next to the field in the settings form.
        var message: String {
            let rule = "推送地址必须是互联网上的 http(s) 地址，不能指向内网或本机"
            switch self {
            case .tooLong: return "推送地址不能超过\(OutboundURL.maxLength)个字符"
            case .notHTTP: return rule
            case .userInfo: return rule + "，也不能包含用户名或密码"
            case .refused(.invalidHost): return rule + "（主机名无效）"
            case .refused(.localName(let name)): return rule + "（\(name) 指向本机）"
            case .refused(.notPublic(let a, let c)): return rule + "（\(a) 是\(c.kind.label)）"
            case .refused(.unusualNumber(let a)): return rule + "（请按 \(a) 的常规写法填写）"
            case .refused(.unresolvable(let name)): return "无法解析推送地址中的域名 \(name)，请检查网址是否正确"
            }
        }

        /// Whether trying again later can help (a name that does not resolve now may resolve later).
        var isTransient: Bool {
            if case .refused(.unresolvable) = self { return true }
            return false
        }

        /// Recorded on a delivery that is not sent.
        var deliveryError: String {
            switch self {
            case .refused(.notPublic), .refused(.localName), .refused(.unusualNumber): return "地址指向内网，已拒绝发送"
            case .refused(.unresolvable(let name)): return "无法解析域名 \(name)"
            case .tooLong, .notHTTP, .userInfo, .refused(.invalidHost): return "推送地址不是互联网上的 http(s) 地址，已拒绝发送"
            }
        }
    }

    /// Checks a URL typed by a user; resolves its host name when it has one.
    static func check(_ text: String, allowance: OutboundAllowance = OutboundAllowance()) async -> Result<
        Target, Problem
    > {
        guard text.count <= maxLength else { return .failure(.tooLong) }
        // The HTTP client's own reading of the URL, so the host checked is the host it would connect to.
        guard let request = try? HTTPClient.Request(url: text, method: .POST),
            ["http", "https"].contains(request.scheme.lowercased())
        else {
            return .failure(.notHTTP)
        }
        if request.url.user != nil || request.url.password != nil { return .failure(.userInfo) }
        let host = request.host
        let port = request.port
        let allowed = { (refusal: NetworkAddress.Refusal) -> IPAddress? in
            if case .notPublic(let a, let c) = refusal, c.kind == .loopback, allowance.loopbackPorts.contains(port) {
                return a
            }
            return nil
        }
        switch NetworkAddress.verdict(host: host) {
        case .call(let address):
            return .success(Target(url: text, host: host, port: port, address: address))
        case .refuse(let refusal):
            if let a = allowed(refusal) { return .success(Target(url: text, host: host, port: port, address: a)) }
            return .failure(.refused(refusal))
        case .resolve(let name):
            let addresses = await resolve(name)
            if let refusal = NetworkAddress.check(resolved: addresses, name: name) {
                return .failure(.refused(refusal))
            }
            return .success(Target(url: text, host: host, port: port, address: addresses[0]))
        }
    }

    /// POSTs a JSON body to a checked target and answers the response status. Connects to `target.address`
    /// only (TLS still verifies the certificate for the host name), gives up after 5 seconds in all, and
    /// answers a redirect as it is instead of following it.
    static func post(_ target: Target, json: String, on eventLoopGroup: any EventLoopGroup) async throws
        -> HTTPResponseStatus
    {
        var configuration = HTTPClient.Configuration()
        configuration.redirectConfiguration = .disallow
        configuration.timeout = .init(connect: .seconds(timeout), read: .seconds(timeout))
        configuration.dnsOverride = [target.host: target.address.description]
        let client = HTTPClient(eventLoopGroup: eventLoopGroup, configuration: configuration)
        do {
            var request = try HTTPClient.Request(url: target.url, method: .POST)
            request.headers.contentType = .json
            request.body = .string(json)
            let response = try await client.execute(request: request, deadline: .now() + .seconds(timeout)).get()
            try await client.shutdown()
            return response.status
        } catch {
            try? await client.shutdown()
            throw error
        }
    }

    /// The addresses a name resolves to (getaddrinfo, run off the event loops); empty when it does not resolve.
    static func resolve(_ name: String) async -> [IPAddress] {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(returning: lookup(name)) }
        }
    }

    private static func lookup(_ name: String) -> [IPAddress] {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        #if canImport(Glibc)
            hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        #else
            hints.ai_socktype = SOCK_STREAM
        #endif
        var list: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(name, nil, &hints, &list) == 0, let first = list else { return [] }
        defer { freeaddrinfo(first) }
        var out: [IPAddress] = []
        var next: UnsafeMutablePointer<addrinfo>? = first
        while let info = next {
            if let sa = info.pointee.ai_addr {
                switch info.pointee.ai_family {
                case AF_INET:
                    let a = sa.withMemoryRebound(to: sockaddr_in.self, capacity: 1) {
                        IPAddress(v4: UInt32(bigEndian: $0.pointee.sin_addr.s_addr))
                    }
                    if !out.contains(a) { out.append(a) }
                case AF_INET6:
                    let bytes = sa.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { p in
                        withUnsafeBytes(of: p.pointee.sin6_addr) { Array($0) }
                    }
                    if let a = IPAddress(bytes: bytes), !out.contains(a) { out.append(a) }
                default:
                    break
                }
            }
            next = info.pointee.ai_next
        }
        return out
    }
}
