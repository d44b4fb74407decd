using System.Net;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using UsmpCare.Domain.Patients;
using UsmpCare.Domain.Security;
using UsmpCare.Domain.Treatments;
using UsmpCare.Web.Data;
using UsmpCare.Web.Tests.Infrastructure;

namespace UsmpCare.Web.Tests.Treatments;

/// <summary>Issue #20, the walls: the hospital pharmacist validates the unit's prescriptions, and only those.</summary>
public sealed class PharmacistTests(UsmpFactory app) : IClassFixture<UsmpFactory>
{
    private const string Url = "/Treatments/Validation";

    /// <summary>A signed paracetamol prescription of a fresh patient, as his team's physician would sign it.</summary>
    private async Task<(Patient Patient, Guid PrescriptionId)> SignedAsync(string lastName, string unitCode = DemoData.UnitA,
        Team team = Team.Somatic)
    {
        var patient = await app.NewPatientAsync(lastName, unitCode);
        var id = await app.WithDbAsync(async db =>
        {
            var drug = await db.Drugs.SingleAsync(d => d.Cis == "99000003");
            var prescription = Prescription.Draft(patient.Id, patient.UnitId, team, new Prescriber(Guid.NewGuid(), "Dr Test", null),
                DateTimeOffset.UtcNow);
            prescription.AddLine(PrescriptionLine.Create(new LineRequest(drug.Cis, null, 1, "comprimé(s)", DoseTimes.Morning | DoseTimes.Evening,
                null, false, null, TestClock.Today, 5, null, DistributionMode.Daily, null), drug, DistributionMode.Daily), [], new AllergyRecord());
            prescription.Sign(DateTimeOffset.UtcNow, false);
            db.Prescriptions.Add(prescription);
            await db.SaveChangesAsync();
            return prescription.Id;
        });
        return (patient, id);
    }

    private Task<List<PrescriptionValidation>> ValidationsAsync(Guid prescriptionId) =>
        app.WithDbAsync(db => db.PrescriptionValidations.AsNoTracking().Where(v => v.PrescriptionId == prescriptionId).ToListAsync());

    private static Dictionary<string, string> Form(Guid prescriptionId, string verdict, string remark = "") => new()
    {
        ["PrescriptionId"] = prescriptionId.ToString(), ["Verdict"] = verdict, ["Remark"] = remark,
    };

    [Fact]
    public async Task The_pharmacist_sees_the_unit_s_prescriptions_of_both_teams_and_validates_one_by_name_and_time()
    {
        var (patient, id) = await SignedAsync("Officine");
        var (_, psychiatric) = await SignedAsync("Officinepsy", team: Team.Psychiatric);
        var pharmacist = await app.LoginAsAsync(DemoData.Account(Role.Pharmacist));

        var worklist = (await pharmacist.GetDocumentAsync(Url)).QuerySelector("table.data")!.TextContent;
        worklist.Should().Contain("OFFICINE Paul").And.Contain("OFFICINEPSY Paul")
            .And.Contain("PARACETAMOL DEMO 500 mg, comprimé : 1 comprimé(s) le matin et le soir, distribution quotidienne");
        var before = DateTimeOffset.UtcNow;
        (await pharmacist.PostFormAsync(Url, Form(id, "Validated"), Url)).StatusCode.Should().Be(HttpStatusCode.Redirect);

        var validation = (await ValidationsAsync(id)).Should().ContainSingle().Subject;
        validation.Should().BeEquivalentTo(new { Verdict = ValidationVerdict.Validated, Remark = (string?)null, PharmacistName = "Inès Garnier", PatientId = patient.Id });
        validation.At.Should().BeOnOrAfter(before.AddSeconds(-1));
        var page = await pharmacist.GetDocumentAsync(Url);
        page.QuerySelectorAll("table.data")[0].TextContent.Should().NotContain("OFFICINE Paul").And.Contain("OFFICINEPSY Paul");
        page.QuerySelectorAll("table.data")[1].TextContent.Should().Contain("OFFICINE Paul").And.Contain("Validée").And.Contain("Inès Garnier");
        (await ValidationsAsync(psychiatric)).Should().BeEmpty();
    }

    [Fact]
    public async Task A_remark_needs_its_text_a_prescription_of_another_unit_is_refused_and_neither_stores_anything()
    {
        var (_, mine) = await SignedAsync("Remarque");
        var (_, elsewhere) = await SignedAsync("Ailleurs", DemoData.UnitB);
        var pharmacist = await app.LoginAsAsync(DemoData.Account(Role.Pharmacist)); // member of unit A only

        var refused = await (await pharmacist.PostFormAsync(Url, Form(mine, "Remark"), Url)).TextAsync();
        var otherUnit = await pharmacist.PostFormAsync(Url, Form(elsewhere, "Validated"), Url);

        refused.Should().Contain("Écrivez la remarque adressée au prescripteur.");
        otherUnit.Headers.Location!.OriginalString.Should().Contain("/Account/AccessDenied");
        (await ValidationsAsync(mine)).Should().BeEmpty();
        (await ValidationsAsync(elsewhere)).Should().BeEmpty();
        (await pharmacist.GetDocumentAsync(Url)).Body!.TextContent.Should().NotContain("AILLEURS");

        (await pharmacist.PostFormAsync(Url, Form(mine, "Remark", "Dose maximale à préciser"), Url)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await ValidationsAsync(mine)).Should().ContainSingle().Which.Remark.Should().Be("Dose maximale à préciser");
    }

    [Fact]
    public async Task A_validation_is_never_rewritten_nor_deleted_even_by_the_database_s_superuser()
    {
        var (_, id) = await SignedAsync("Immuable");
        var pharmacist = await app.LoginAsAsync(DemoData.Account(Role.Pharmacist));
        await pharmacist.PostFormAsync(Url, Form(id, "Validated"), Url);

        var update = () => ExecuteAsync($"UPDATE treatments.prescription_validations SET answer = 'Remark' WHERE prescription_id = '{id}'");
        var delete = () => ExecuteAsync($"DELETE FROM treatments.prescription_validations WHERE prescription_id = '{id}'");

        (await update.Should().ThrowAsync<PostgresException>()).Which.MessageText.Should().Contain("append-only");
        (await delete.Should().ThrowAsync<PostgresException>()).Which.MessageText.Should().Contain("append-only");
        (await ValidationsAsync(id)).Should().ContainSingle().Which.Verdict.Should().Be(ValidationVerdict.Validated);
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(app.AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
