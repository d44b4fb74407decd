using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using UsmpCare.Domain.Security;
using UsmpCare.Web.Auditing;
using UsmpCare.Web.Infrastructure;
using UsmpCare.Web.Data;
using UsmpCare.Web.Tests.Infrastructure;

namespace UsmpCare.Web.Tests.Auditing;

/// <summary>
/// Hardening #4: the audit key is changed only by the rotate-audit-key command, which chains the new key from the old
/// head; verify-audit checks the chain across the rotation with the previous key, and says which key it misses.
/// (The refusal to start with a wrong key: StartupTests, on the built app.)
/// </summary>
public sealed class AuditKeyTests(UsmpFactory app) : IClassFixture<UsmpFactory>
{
    private const string NewKey = "nouvelle clé du journal d'audit, tirée au sort en 2026";

    [Fact]
    public async Task A_rotation_chains_the_new_key_from_the_old_head_and_verification_needs_the_previous_key()
    {
        var physician = await app.LoginAsAsync(DemoData.Account(Role.Physician));
        var patient = await app.NewPatientAsync("Rotation");
        await physician.GetAsync($"/Patients/Chart/{patient.Id}");
        var oldKey = AuditKey.KeyBytes(null);
        var (oldPrint, newPrint) = (AuditKey.FingerprintOf(oldKey), AuditKey.FingerprintOf(AuditKey.KeyBytes(NewKey)));

        (await RotateAsync(["rotate-audit-key", NewKey], null)).Code.Should().Be(Commands.Usage, "a key is never given on the command line");
        (await RotateAsync(["rotate-audit-key"], "trop courte")).Error.Should().Contain("32 caractères");
        (await RotateAsync(["rotate-audit-key"], AuditKey.DevelopmentKey + " et plus encore")).Code.Should().Be(Commands.Ok);
        var rotated = await RotateAsync(["rotate-audit-key", "--by", "Exploitation"], NewKey);
        rotated.Code.Should().Be(Commands.Ok, rotated.Error);
        rotated.Output.Should().Contain(newPrint);
        var secondPrint = AuditKey.FingerprintOf(AuditKey.KeyBytes(AuditKey.DevelopmentKey + " et plus encore"));

        // The running instance seals with the new key from now on; its rows and the earlier ones verify.
        await physician.GetAsync($"/Patients/Chart/{patient.Id}");
        (await app.Services.GetRequiredService<AuditChain>().VerifyAsync()).Should().BeEmpty();
        var rotations = await app.WithDbAsync(db => db.AuditEvents.Where(e => e.Action == AuditAction.KeyRotated).OrderBy(e => e.Id).ToListAsync());
        rotations.Select(r => r.Target).Should().Equal(AuditKey.RotationTarget(oldPrint, secondPrint), AuditKey.RotationTarget(secondPrint, newPrint));
        rotations[^1].UserName.Should().Be("Exploitation");
        (await app.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.Target.Contains("tirée au sort"))))
            .Should().BeFalse("the key itself is never written");

        // Another instance given only the new key starts (the head is sealed with it) but cannot check the old rows...
        await using (var newOnly = app.WithWebHostBuilder(b => b.UseSetting("Audit:Key", NewKey)))
        {
            var error = new StringWriter();
            (await Commands.RunAsync(newOnly.Services, ["verify-audit"], TextWriter.Null, error)).Should().Be(Commands.Failure);
            error.ToString().Should().Contain($"scellées avec la clé d'empreinte {oldPrint}, absente de la configuration");
        }
        // ...which it can with the previous keys; and a row altered before the rotation is still caught with them.
        await using var withPrevious = app.WithWebHostBuilder(b => b.UseSetting("Audit:Key", NewKey)
            .UseSetting("Audit:PreviousKeys:0", AuditKey.DevelopmentKey).UseSetting("Audit:PreviousKeys:1", AuditKey.DevelopmentKey + " et plus encore"));
        var output = new StringWriter();
        (await Commands.RunAsync(withPrevious.Services, ["verify-audit"], output, TextWriter.Null)).Should().Be(Commands.Ok);
        output.ToString().Should().Contain("Journal d'audit intègre");
        await ExecuteAsync($"""
            ALTER TABLE audit.audit_events DISABLE TRIGGER audit_events_append_only;
            UPDATE audit.audit_events SET user_name = 'Personne' WHERE id = {rotations[0].Id - 1};
            ALTER TABLE audit.audit_events ENABLE TRIGGER audit_events_append_only;
            """);
        (await withPrevious.Services.GetRequiredService<AuditChain>().VerifyAsync()).Should()
            .Equal($"ligne {rotations[0].Id - 1} : modifiée ou insérée (son sceau ne correspond pas)");
    }

    private async Task<(int? Code, string Output, string Error)> RotateAsync(string[] args, string? newKey)
    {
        var (output, error) = (new StringWriter(), new StringWriter());
        Environment.SetEnvironmentVariable("USMP_NEW_AUDIT_KEY", newKey);
        try
        {
            return (await Commands.RunAsync(app.Services, args, output, error), output.ToString(), error.ToString());
        }
        finally
        {
            Environment.SetEnvironmentVariable("USMP_NEW_AUDIT_KEY", null);
        }
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(app.AdminConnectionString);
        await connection.OpenAsync();
        await new NpgsqlCommand(sql, connection).ExecuteNonQueryAsync();
    }
}
