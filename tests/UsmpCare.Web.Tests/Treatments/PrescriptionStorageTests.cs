using Microsoft.EntityFrameworkCore;
using Npgsql;
using UsmpCare.Domain.Patients;
using UsmpCare.Domain.Security;
using UsmpCare.Domain.Treatments;
using UsmpCare.Web.Tests.Infrastructure;

namespace UsmpCare.Web.Tests.Treatments;

/// <summary>Issue #20, point 2: a prescription's lines are stored with it, and once signed the row is frozen (P17).</summary>
public sealed class PrescriptionStorageTests(UsmpFactory app) : IClassFixture<UsmpFactory>
{
    [Fact]
    public async Task A_draft_is_saved_and_signed_then_the_database_refuses_to_change_or_delete_it()
    {
        var patient = await app.NewPatientAsync();
        var id = await app.WithDbAsync(async db =>
        {
            var methadone = await db.Drugs.SingleAsync(d => d.Cis == "99000012");
            var draft = Prescription.Draft(patient.Id, patient.UnitId, Team.Somatic, new Prescriber(Guid.NewGuid(), "Dr Test", "10001234567"), DateTimeOffset.UtcNow);
            db.Prescriptions.Add(draft);
            await db.SaveChangesAsync();
            draft.AddLine(PrescriptionLine.Create(new LineRequest(methadone.Cis, null, 1, "gélule(s)", DoseTimes.Morning, null, false, null,
                new DateOnly(2026, 12, 1), 14, null, null, null), methadone, DistributionMode.Supervised), [], new AllergyRecord());
            await db.SaveChangesAsync();
            draft.Sign(DateTimeOffset.UtcNow, false);
            await db.SaveChangesAsync();
            return draft.Id;
        });

        var stored = await app.WithDbAsync(db => db.Prescriptions.AsNoTracking().SingleAsync(p => p.Id == id));
        stored.Status.Should().Be(PrescriptionStatus.Signed);
        stored.Lines.Should().ContainSingle().Which.Substances.Should().Equal("CHLORHYDRATE DE MÉTHADONE");
        stored.Lines[0].Describe(inLetters: true).Should().Contain("pendant 14 (quatorze) jours");

        var update = () => ExecuteAsync($"UPDATE treatments.prescriptions SET prescriber_name = 'falsifié' WHERE id = '{id}'");
        var delete = () => ExecuteAsync($"DELETE FROM treatments.prescriptions WHERE id = '{id}'");
        var truncate = () => ExecuteAsync("TRUNCATE treatments.prescriptions CASCADE");

        (await update.Should().ThrowAsync<PostgresException>()).Which.MessageText.Should().Contain("immutable (P17)");
        (await delete.Should().ThrowAsync<PostgresException>()).Which.MessageText.Should().Contain("never deleted (P17)");
        await truncate.Should().ThrowAsync<PostgresException>();
        (await app.WithDbAsync(db => db.Prescriptions.AsNoTracking().SingleAsync(p => p.Id == id))).PrescriberName.Should().Be("Dr Test");
    }

    /// <summary>As the owner, who could otherwise do anything: only the trigger stops him.</summary>
    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(app.AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
