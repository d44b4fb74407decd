using System.Net;
using Npgsql;
using UsmpCare.Domain.Records;
using UsmpCare.Domain.Security;
using UsmpCare.Web.Data;
using UsmpCare.Web.Tests.Infrastructure;

namespace UsmpCare.Web.Tests.Records;

/// <summary>P17: signed is final — in the database itself, whoever connects — and corrections are amendments.</summary>
public sealed class ImmutabilityTests(UsmpFactory app) : IClassFixture<UsmpFactory>
{
    [Theory]
    [InlineData("somatic")]
    [InlineData("psychiatric")]
    public async Task The_database_refuses_update_and_delete_of_a_signed_entry(string schema)
    {
        var signedId = await ScalarAsync<Guid>($"SELECT id FROM {schema}.entries WHERE status = 'Signed' LIMIT 1");

        var update = () => ExecuteAsync($"UPDATE {schema}.entries SET note = 'falsifiée' WHERE id = '{signedId}'");
        var delete = () => ExecuteAsync($"DELETE FROM {schema}.entries WHERE id = '{signedId}'");
        var truncate = () => ExecuteAsync($"TRUNCATE {schema}.entries CASCADE");

        (await update.Should().ThrowAsync<PostgresException>()).Which.MessageText.Should().Contain("immutable (P17)");
        (await delete.Should().ThrowAsync<PostgresException>()).Which.MessageText.Should().Contain("never deleted (P17)");
        await truncate.Should().ThrowAsync<PostgresException>();
        (await ScalarAsync<string>($"SELECT note FROM {schema}.entries WHERE id = '{signedId}'")).Should().NotBe("falsifiée");
    }

    [Fact]
    public async Task A_draft_can_still_be_updated_but_never_deleted_and_patients_are_never_deleted()
    {
        var patient = await app.NewPatientAsync();
        var physician = await app.LoginAsAsync(DemoData.Account(Role.Physician));
        await physician.PostConsultationAsync("Save", Clinic.ConsultationForm(patient.Id, "brouillon"));
        var draftId = (await app.EntriesOfAsync(patient.Id, Team.Somatic)).Single().Id;

        await ExecuteAsync($"UPDATE somatic.entries SET note = 'brouillon corrigé' WHERE id = '{draftId}'");
        (await ScalarAsync<string>($"SELECT note FROM somatic.entries WHERE id = '{draftId}'")).Should().Be("brouillon corrigé");

        var deleteDraft = () => ExecuteAsync($"DELETE FROM somatic.entries WHERE id = '{draftId}'");
        await deleteDraft.Should().ThrowAsync<PostgresException>();
        var deletePatient = () => ExecuteAsync($"DELETE FROM core.patients WHERE id = '{patient.Id}'");
        (await deletePatient.Should().ThrowAsync<PostgresException>()).Which.MessageText.Should().Contain("never deleted");
    }

    [Fact]
    public async Task An_amendment_keeps_the_original_and_both_stay_visible()
    {
        var patient = await app.NewPatientAsync();
        var physician = await app.LoginAsAsync(DemoData.Account(Role.Physician));
        await physician.PostConsultationAsync("Sign", Clinic.ConsultationForm(patient.Id, "Genou gauche douloureux"));
        var original = (await app.EntriesOfAsync(patient.Id, Team.Somatic)).Single();

        var amend = await physician.PostFormAsync($"/Records/Amend/Somatic/{original.Id}",
            new Dictionary<string, string> { ["Reason"] = "Erreur de côté" });
        amend.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var amendmentId = Clinic.DraftIdFrom(amend);
        var amendment = (await app.EntriesOfAsync(patient.Id, Team.Somatic)).Single(e => e.Id == amendmentId);
        amendment.AmendsId.Should().Be(original.Id);
        amendment.Note.Should().Be("Genou gauche douloureux", "the amendment starts from a copy");

        var form = Clinic.ConsultationForm(patient.Id, "Genou droit douloureux");
        form["Input.Version"] = amendment.Version.ToString();
        (await physician.PostConsultationAsync("Sign", form, amendmentId)).StatusCode.Should().Be(HttpStatusCode.Redirect);

        var rows = await app.EntriesOfAsync(patient.Id, Team.Somatic);
        rows.Single(e => e.Id == original.Id).Note.Should().Be("Genou gauche douloureux");
        rows.Single(e => e.Id == original.Id).Version.Should().Be(original.Version, "the original row was never rewritten");
        rows.Single(e => e.Id == amendmentId).Status.Should().Be(EntryStatus.Signed);
        var page = (await physician.GetDocumentAsync($"/Records/Entry/Somatic/{original.Id}")).Body!.TextContent;
        page.Should().Contain("Genou gauche douloureux").And.Contain("Genou droit douloureux").And.Contain("Erreur de côté");
        var chart = (await physician.GetDocumentAsync($"/Patients/Chart/{patient.Id}")).Body!.TextContent;
        chart.Should().Contain("corrigée par amendement").And.Contain("amendement");
    }

    [Fact]
    public async Task A_draft_cannot_be_amended()
    {
        var patient = await app.NewPatientAsync();
        var physician = await app.LoginAsAsync(DemoData.Account(Role.Physician));
        await physician.PostConsultationAsync("Save", Clinic.ConsultationForm(patient.Id, "brouillon"));
        var draft = (await app.EntriesOfAsync(patient.Id, Team.Somatic)).Single();

        var response = await physician.PostFormAsync($"/Records/Amend/Somatic/{draft.Id}",
            new Dictionary<string, string> { ["Reason"] = "essai" });

        (await response.TextAsync()).Should().Contain("Seule une entrée signée s'amende");
    }

    /// <summary>As a superuser: the triggers bind every role, the app's own is refused sooner (DatabaseRoleTests).</summary>
    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(app.AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
