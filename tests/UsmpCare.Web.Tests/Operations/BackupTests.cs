using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using UsmpCare.Domain.Security;
using UsmpCare.Web.Auditing;
using UsmpCare.Web.Data;
using UsmpCare.Web.Tests.Infrastructure;

namespace UsmpCare.Web.Tests.Operations;

/// <summary>The backup and restore scripts, run for real: the restored copy keeps its data and a verifiable audit trail.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")] // file modes, and the scripts are bash
public sealed class BackupTests(UsmpFactory app) : IClassFixture<UsmpFactory>
{
    [Fact]
    public async Task A_backup_restored_into_a_new_database_keeps_the_records_and_its_audit_trail_verifies()
    {
        var patient = await app.NewPatientAsync("Sauvegardé");
        var physician = await app.LoginAsAsync(DemoData.Account(Role.Physician));
        await physician.PostConsultationAsync("Sign", Clinic.ConsultationForm(patient.Id, "Note à retrouver après restauration"));
        await physician.GetAsync($"/Patients/Chart/{patient.Id}");

        // As the owner, as scripts/backup.sh does under run.sh: the app's own role cannot read the partitions or the history.
        var environment = LibpqVariables(app.OwnerConnectionString);
        var folder = Path.Combine(Path.GetTempPath(), $"usmp-backups-{Guid.NewGuid():N}");
        var file = Path.Combine(folder, "dumps", "usmpcare.dump");
        var restored = "usmp_restored_" + Guid.NewGuid().ToString("N")[..10];
        try
        {
            (await RunAsync("scripts/backup.sh", [file], environment)).Code.Should().Be(0);
            // Issue « Hardening » 7: the whole record in a file readable by its owner only, in folders only he enters.
            File.GetUnixFileMode(file).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite);
            File.GetUnixFileMode(Path.GetDirectoryName(file)!).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            File.GetUnixFileMode(folder).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            (await RunAsync("scripts/restore.sh", [file, restored], environment)).Code.Should().Be(0);

            var copy = new NpgsqlConnectionStringBuilder(app.OwnerConnectionString) { Database = restored }.ConnectionString;
            await using var connection = new NpgsqlConnection(copy);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("SELECT count(*) FROM somatic.entries WHERE note = 'Note à retrouver après restauration'", connection);
            ((long)(await command.ExecuteScalarAsync())!).Should().Be(1);
            (await app.Services.GetRequiredService<AuditChain>().VerifyAsync(copy)).Should().BeEmpty();
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
            NpgsqlConnection.ClearAllPools();
        }
    }

    [Fact]
    public async Task A_backup_into_a_folder_other_accounts_can_enter_is_refused_in_french_and_writes_nothing()
    {
        var folder = Directory.CreateTempSubdirectory("usmp-open-").FullName;
        try
        {
            File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
                | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
            var file = Path.Combine(folder, "usmpcare.dump");

            var (code, output) = await RunAsync("scripts/backup.sh", [file], LibpqVariables(app.OwnerConnectionString));

            code.Should().NotBe(0);
            output.Should().Contain("accessible à d'autres comptes").And.Contain("Rien n'est écrit");
            File.Exists(file).Should().BeFalse();
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>The libpq variables the scripts read, for one connection string.</summary>
    private static Dictionary<string, string> LibpqVariables(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        return new()
        {
            ["PGHOST"] = builder.Host!, ["PGPORT"] = builder.Port.ToString(), ["PGUSER"] = builder.Username!,
            ["PGDATABASE"] = builder.Database!, ["PGPASSWORD"] = builder.Password ?? "",
        };
    }

    private static async Task<(int Code, string Output)> RunAsync(string script, string[] args, Dictionary<string, string> environment)
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "UsmpCare.sln")))
        {
            root = Path.GetDirectoryName(root) ?? throw new InvalidOperationException("repository root not found");
        }
        var info = new ProcessStartInfo("bash") { WorkingDirectory = root, RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(Path.Combine(root, script));
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }
        using var process = Process.Start(info)!;
        var output = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, output);
    }
}
