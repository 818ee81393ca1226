import Foundation
import Testing

/// `hubsh run`, `-e` and the command line, end to end as a subprocess.
@Suite struct RunCommandTests {
    @Test func argumentsAsLuaGivesThem() throws {
        let script = try HubshProcess.script("print(...)\nprint(arg[0]:match('[^/]+$'), arg[-1], arg[-2], #arg, arg[1], arg[2])")
        let result = try HubshProcess.run(["run", script.path, "alpha", "beta gamma"])
        #expect(result.status == 0)
        #expect(result.stdout == "alpha\tbeta gamma\nscript.lua\trun\thubsh\t2\talpha\tbeta gamma\n")
        #expect(result.stderr == "")
    }

    @Test func scriptErrorExitsOneWithPositionAndTraceback() throws {
        let script = try HubshProcess.script("local x = 1\nlocal function boom() error('it broke') end\nboom()\n", name: "job.lua")
        let result = try HubshProcess.run(["run", script.path])
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("hubsh: \(script.path):2: it broke\nstack traceback:\n"))
        #expect(result.stderr.contains("\(script.path):3: in main chunk"))
    }

    @Test func syntaxErrorExitsOne() throws {
        let script = try HubshProcess.script("x = = 1", name: "bad.lua")
        let result = try HubshProcess.run(["run", script.path])
        #expect(result.status == 1)
        #expect(result.stderr == "hubsh: \(script.path):1: unexpected symbol near '='\n")
    }

    @Test func missingScriptExitsOne() throws {
        let result = try HubshProcess.run(["run", "/nonexistent/job.lua"])
        #expect(result.status == 1)
        #expect(result.stderr == "hubsh: cannot open /nonexistent/job.lua: No such file or directory\n")
    }

    @Test func scriptFromStandardInput() throws {
        let result = try HubshProcess.run(["run", "-", "x"], stdin: "print('from stdin', ...)")
        #expect(result.status == 0)
        #expect(result.stdout == "from stdin\tx\n")
    }

    @Test func evaluatePrintsWhatItReturns() throws {
        #expect(try HubshProcess.run(["-e", "return 1 + 1"]).stdout == "2\n")
        #expect(try HubshProcess.run(["-e", "return 'text', 2.5, nil, true"]).stdout == "text\t2.5\tnil\ttrue\n")
        #expect(try HubshProcess.run(["-e", "return { b = { 1, 2 }, a = 'x' }"]).stdout == "{ a = \"x\", b = { 1, 2 } }\n")
        #expect(try HubshProcess.run(["--json", "-e", "return { b = { 1, 2 }, a = 'x' }"]).stdout == "{\n  \"a\": \"x\",\n  \"b\": [\n    1,\n    2\n  ]\n}\n")
        #expect(try HubshProcess.run(["-e", "return"]).stdout == "")
    }

    @Test func usageErrorsExitTwo() throws {
        let unknown = try HubshProcess.run(["--verbos"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr == "hubsh: unknown option '--verbos'. Did you mean '--verbose'?\n")
        let command = try HubshProcess.run(["job.lua"])
        #expect(command.status == 2)
        #expect(command.stderr == "hubsh: unknown command 'job.lua'. Did you mean 'hubsh run job.lua'?\n")
        let noFile = try HubshProcess.run(["run"])
        #expect(noFile.status == 2)
        let noCode = try HubshProcess.run(["-e"])
        #expect(noCode.status == 2)
    }

    @Test func helpAndVersion() throws {
        let help = try HubshProcess.run(["--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("hubsh run FILE [ARGS...]"))
        let version = try HubshProcess.run(["--version"])
        #expect(version.stdout.hasPrefix("hubsh "))
    }

    @Test func interruptedScriptExits130() throws {
        let script = try HubshProcess.script("io.stdout:write('ready\\n') io.stdout:flush() while true do end")
        let process = Process()
        process.executableURL = HubshProcess.executable
        process.arguments = ["run", script.path]
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Wait for the script to be inside its loop, then Ctrl-C it.
        HubshProcess.waitFor("ready", from: out)
        #expect(HubshProcess.interrupt(process) == 130)
        let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(message.contains("interrupted!"))
    }

    @Test func requireFindsTheStdlibWithoutSetup() throws {
        let result = try HubshProcess.run(["-e", "return package.searchpath('hubsh.csv', package.path) ~= nil"],
                                          directory: FileManager.default.temporaryDirectory)
        #expect(result.stdout == "true\n")
    }

    @Test func replReadsChunksAndKeepsStateAfterErrors() throws {
        let input = "x = 20\nx + 1\nfunction f()\nreturn x * 2\nend\nf()\nerror('oops')\nx\n=x\n"
        let result = try HubshProcess.run([], stdin: input)
        #expect(result.status == 0)
        #expect(result.stdout == "21\n40\n20\n20\n")
        #expect(result.stderr.contains("stdin:1: oops"))
    }
}

/// Cases found in review: output order in a pipe, many arguments, options before the script.
@Suite struct RunCommandEdgeTests {
    @Test func scriptOutputComesBeforeResultsInAPipe() throws {
        let result = try HubshProcess.run(["-e", "io.write('a\\n') return 'b'"])
        #expect(result.stdout == "a\nb\n")
    }

    @Test func manyArguments() throws {
        let arguments = (1...3000).map(String.init)
        let result = try HubshProcess.run(["-e", "return select('#', ...)"] + arguments)
        #expect(result.stdout == "3000\n")
        let script = try HubshProcess.script("print(#arg, select('#', ...))")
        #expect(try HubshProcess.run(["run", script.path] + arguments).stdout == "3000\t3000\n")
    }

    @Test func valuedOptionsBetweenRunAndTheScript() throws {
        let script = try HubshProcess.script("print('ran', ...)")
        let result = try HubshProcess.run(["run", "--base-url=http://127.0.0.1:1", "--sandbox", script.path, "x"])
        #expect(result.stdout == "ran\tx\n")
        let missing = try HubshProcess.run(["--profile", "-e", "return 1"])
        #expect(missing.status == 2)
        #expect(missing.stderr == "hubsh: option '--profile' needs a value\n")
        let dashed = try HubshProcess.run(["--", "run", script.path])
        #expect(dashed.stdout == "ran\n")
    }
}

@Suite struct BinaryOutputTests {
    @Test func stringResultsGoOutByteForByte() throws {
        let process = Process()
        process.executableURL = HubshProcess.executable
        process.arguments = ["-e", "return '\\xff\\0z', 1"]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        HubshProcess.finish(process)
        #expect(Array(data) == [0xFF, 0x00, UInt8(ascii: "z"), 0x09, UInt8(ascii: "1"), 0x0A])
    }
}
