using System.Diagnostics;
using System.Runtime.Versioning;

namespace UsmpCare.Web.Tests.Operations;

/// <summary>
/// test.sh's set-up (scripts/prereqs.sh), run for real in a sandbox: the checks look at a fake file system root, and
/// fake <c>id</c>, <c>apt-get</c> and <c>dotnet</c> come first on the PATH, so nothing is installed or built.
/// </summary>
[SupportedOSPlatform("linux")] // bash scripts and executable fakes
public sealed class TestScriptTests : IDisposable
{
    private readonly string _sandbox = Directory.CreateTempSubdirectory("usmp-prereqs-").FullName;

    private string Root => Path.Combine(_sandbox, "root");
    private string AptLog => Path.Combine(_sandbox, "apt.log");

    public TestScriptTests()
    {
        // A copy of the scripts: test.sh empties the TestResults directory next to it.
        var repository = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(repository.FullName, "UsmpCare.sln")))
        {
            repository = repository.Parent ?? throw new InvalidOperationException("repository root not found");
        }
        Directory.CreateDirectory(Path.Combine(_sandbox, "scripts"));
        foreach (var script in new[] { "test.sh", "scripts/prereqs.sh" })
        {
            File.Copy(Path.Combine(repository.FullName, script), Path.Combine(_sandbox, script));
        }
        Fake("dotnet", "touch \"$SANDBOX/built\"; exit 1");
    }

    public void Dispose() => Directory.Delete(_sandbox, recursive: true);

    [Fact]
    public async Task Without_Chromium_and_as_a_user_test_sh_stops_before_building_with_the_command_to_run()
    {
        Install("usr/lib/postgresql/15/bin/initdb");
        Install("usr/bin/qpdf");
        File.SetUnixFileMode(Path.Combine(Root, "usr/bin/qpdf"), UnixFileMode.UserRead | UnixFileMode.UserExecute);
        Install("usr/bin/pdftoppm");
        File.SetUnixFileMode(Path.Combine(Root, "usr/bin/pdftoppm"), UnixFileMode.UserRead | UnixFileMode.UserExecute);
        Fake("id", "echo 1000");
        Fake("apt-get", "echo \"$*\" >> \"$SANDBOX/apt.log\"");

        var (exitCode, output) = await RunAsync("bash test.sh");

        exitCode.Should().Be(1);
        output.Should().Contain("Lancez : sudo apt-get update && sudo apt-get install -y chromium chromium-l10n\n");
        output.TrimEnd().Split('\n').Last().Should().Be("0 passed, 1 failed");
        File.Exists(Path.Combine(_sandbox, "built")).Should().BeFalse("test.sh stops before building");
        File.Exists(AptLog).Should().BeFalse("a user cannot install packages");
    }

    [Fact]
    public async Task As_root_with_apt_get_the_missing_packages_are_installed_once_then_found()
    {
        Fake("id", "echo 0");
        Fake("apt-get", $"""
            echo "$*" >> "$SANDBOX/apt.log"
            if [ "$1" = install ]; then
              mkdir -p "{Root}/usr/bin" "{Root}/usr/lib/chromium/locales" "{Root}/usr/lib/postgresql/15/bin"
              printf '#!/bin/sh\n' > "{Root}/usr/bin/chromium"; chmod +x "{Root}/usr/bin/chromium"
              printf '#!/bin/sh\n' > "{Root}/usr/bin/qpdf"; chmod +x "{Root}/usr/bin/qpdf"
              printf '#!/bin/sh\n' > "{Root}/usr/bin/pdftoppm"; chmod +x "{Root}/usr/bin/pdftoppm"
              touch "{Root}/usr/lib/chromium/locales/fr.pak" "{Root}/usr/lib/postgresql/15/bin/initdb"
            fi
            """);

        (await RunAsync(Prerequisites)).ExitCode.Should().Be(0);
        (await RunAsync(Prerequisites)).ExitCode.Should().Be(0);

        (await File.ReadAllLinesAsync(AptLog)).Should().Equal(
            "update -qq", "install -y -qq postgresql postgresql-contrib chromium chromium-l10n qpdf poppler-utils");
    }

    [Theory]
    [InlineData("exit 100")]
    [InlineData("exit 0")] // apt-get says it worked, yet the browser is not where the tests look for it
    public async Task As_root_an_install_that_does_not_give_Chromium_stops_with_the_command(string aptGet)
    {
        Install("usr/lib/postgresql/15/bin/initdb");
        Install("usr/bin/qpdf");
        File.SetUnixFileMode(Path.Combine(Root, "usr/bin/qpdf"), UnixFileMode.UserRead | UnixFileMode.UserExecute);
        Install("usr/bin/pdftoppm");
        File.SetUnixFileMode(Path.Combine(Root, "usr/bin/pdftoppm"), UnixFileMode.UserRead | UnixFileMode.UserExecute);
        Fake("id", "echo 0");
        Fake("apt-get", aptGet);

        var (exitCode, output) = await RunAsync(Prerequisites);

        exitCode.Should().Be(1);
        output.Should().Contain("L'installation de chromium chromium-l10n a échoué. Lancez : apt-get update && apt-get install -y chromium chromium-l10n");
    }

    [Fact]
    public async Task The_closing_line_counts_a_skipped_test_which_the_trx_leaves_out_of_executed()
    {
        Install("usr/lib/postgresql/15/bin/initdb");
        Install("usr/bin/chromium");
        File.SetUnixFileMode(Path.Combine(Root, "usr/bin/chromium"), UnixFileMode.UserRead | UnixFileMode.UserExecute);
        Install("usr/lib/chromium/locales/fr.pak");
        Install("usr/bin/qpdf");
        File.SetUnixFileMode(Path.Combine(Root, "usr/bin/qpdf"), UnixFileMode.UserRead | UnixFileMode.UserExecute);
        Install("usr/bin/pdftoppm");
        File.SetUnixFileMode(Path.Combine(Root, "usr/bin/pdftoppm"), UnixFileMode.UserRead | UnixFileMode.UserExecute);
        // What `dotnet test` writes for a project with one skipped xunit test (notExecuted stays 0).
        Fake("dotnet", """
            [ "$1" = test ] || exit 0
            mkdir -p "$SANDBOX/TestResults"
            echo '<TestRun><ResultSummary outcome="Completed"><Counters total="20" executed="19" passed="19" failed="0" error="0" notExecuted="0" /></ResultSummary></TestRun>' > "$SANDBOX/TestResults/a.trx"
            """);

        var (exitCode, output) = await RunAsync("bash test.sh");

        exitCode.Should().Be(0, output);
        output.TrimEnd().Split('\n').Last().Should().Be("19 passed, 0 failed, 1 skipped");
    }

    private const string Prerequisites = "source scripts/prereqs.sh && usmp_prerequisites";

    private void Install(string file)
    {
        var path = Path.Combine(Root, file);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, "");
    }

    private void Fake(string command, string body)
    {
        var path = Path.Combine(_sandbox, "bin", command);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, "#!/bin/bash\n" + body + "\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    /// <summary>Runs a bash command in the sandbox; its output and errors in the order they were written.</summary>
    private async Task<(int ExitCode, string Output)> RunAsync(string command)
    {
        var info = new ProcessStartInfo("bash", ["-c", command + " 2>&1"])
        {
            WorkingDirectory = _sandbox, RedirectStandardOutput = true,
        };
        info.Environment["PATH"] = Path.Combine(_sandbox, "bin") + ":" + Environment.GetEnvironmentVariable("PATH");
        info.Environment["SANDBOX"] = _sandbox;
        info.Environment["USMP_PREREQS_ROOT"] = Root;
        info.Environment.Remove("USMP_TEST_PG");
        info.Environment.Remove("USMP_CHROMIUM");
        using var process = Process.Start(info)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, output);
    }
}
