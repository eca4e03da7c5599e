import Crypto
import Domain
import Foundation
import NIOCore
import Routes

/// The stylesheet, script and icon, loaded into memory at start and served under names that
/// carry a hash of their bytes, so browsers may keep them for a year.
public struct AssetStore: Sendable {
    public struct Asset: Sendable {
        public let bytes: ByteBuffer
        public let contentType: String
    }

    let files: [String: Asset]
    public let stylesheetPath: String
    public let scriptPath: String
    public let iconPath: String
    public let adminStylesheetPath: String
    public let adminScriptPath: String

    /// Loads the assets bundled with the App module.
    public static func bundled() throws -> AssetStore {
        func load(_ name: String, _ ext: String) throws -> Data {
            guard let url = Bundle.module.url(forResource: name, withExtension: ext, subdirectory: "Assets") else {
                throw AssetError.missing("\(name).\(ext)")
            }
            return try Data(contentsOf: url)
        }
        return AssetStore(
            stylesheet: try load("site", "css"), script: try load("site", "js"), icon: try load("icon", "svg"),
            adminStylesheet: try load("admin", "css"), adminScript: try load("admin", "js"))
    }

    init(stylesheet: Data, script: Data, icon: Data, adminStylesheet: Data, adminScript: Data) {
        var files: [String: Asset] = [:]
        func add(_ data: Data, name: String, ext: String, type: String) -> String {
            let hash = Hex.string(SHA256.hash(data: data).prefix(5))
            let file = "\(name).\(hash).\(ext)"
            files[file] = Asset(bytes: ByteBuffer(bytes: data), contentType: type)
            return SiteURL.asset(file).path
        }
        self.stylesheetPath = add(stylesheet, name: "site", ext: "css", type: "text/css; charset=utf-8")
        self.scriptPath = add(script, name: "site", ext: "js", type: "text/javascript; charset=utf-8")
        self.iconPath = add(icon, name: "icon", ext: "svg", type: "image/svg+xml")
        self.adminStylesheetPath = add(adminStylesheet, name: "admin", ext: "css", type: "text/css; charset=utf-8")
        self.adminScriptPath = add(adminScript, name: "admin", ext: "js", type: "text/javascript; charset=utf-8")
        self.files = files
    }

    public func asset(named file: String) -> Asset? {
        files[file]
    }
}

enum AssetError: Error, CustomStringConvertible {
    case missing(String)

    var description: String {
        switch self {
        case .missing(let name): "The bundled asset \(name) is missing from the build."
        }
    }
}
