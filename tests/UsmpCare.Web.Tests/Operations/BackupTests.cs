using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using UsmpCare.Domain.Security;
using UsmpCare.Web.Auditing;
using UsmpCare.Web.Data;
using UsmpCare.Web.Tests.Infrastructure;

namespace UsmpCare.Web.Tests.Operations;

/// <summary>The backup and restore scripts, run for real: the restored copy keeps its data and a verifiable audit trail.</summary>
public sealed class BackupTests(UsmpFactory app) : IClassFixture<UsmpFactory>
{
    [Fact]
    public async Task A_backup_restored_into_a_new_database_keeps_the_records_and_its_audit_trail_verifies()
    {
        var patient = await app.NewPatientAsync("Sauvegardé");
        var physician = await app.LoginAsAsync(DemoData.Account(Role.Physician));
        await physician.PostConsultationAsync("Sign", Clinic.ConsultationForm(patient.Id, "Note à retrouver après restauration"));
        await physician.GetAsync($"/Patients/Chart/{patient.Id}");

        var builder = new NpgsqlConnectionStringBuilder(app.ConnectionString);
        var file = Path.Combine(Path.GetTempPath(), $"usmp-backup-{Guid.NewGuid():N}.dump");
        var restored = "usmp_restored_" + Guid.NewGuid().ToString("N")[..10];
        var environment = new Dictionary<string, string>
        {
            ["PGHOST"] = builder.Host!, ["PGPORT"] = builder.Port.ToString(), ["PGUSER"] = builder.Username!,
            ["PGDATABASE"] = builder.Database!, ["PGPASSWORD"] = builder.Password ?? "",
        };
        try
        {
            await RunAsync("scripts/backup.sh", [file], environment);
            await RunAsync("scripts/restore.sh", [file, restored], environment);

            var copy = new NpgsqlConnectionStringBuilder(app.ConnectionString) { Database = restored }.ConnectionString;
            await using var connection = new NpgsqlConnection(copy);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("SELECT count(*) FROM somatic.entries WHERE note = 'Note à retrouver après restauration'", connection);
            ((long)(await command.ExecuteScalarAsync())!).Should().Be(1);
            (await app.Services.GetRequiredService<AuditChain>().VerifyAsync(copy)).Should().BeEmpty();
        }
        finally
        {
            File.Delete(file);
            NpgsqlConnection.ClearAllPools();
        }
    }

    private static async Task RunAsync(string script, string[] args, Dictionary<string, string> environment)
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
        process.ExitCode.Should().Be(0, $"{script} said: {output}");
    }
}
