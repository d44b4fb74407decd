using System.Net;
using Microsoft.EntityFrameworkCore;
using UsmpCare.Domain.Consents;
using UsmpCare.Domain.Disclosures;
using UsmpCare.Domain.Security;
using UsmpCare.Web.Data;
using UsmpCare.Web.Tests.Infrastructure;

namespace UsmpCare.Web.Tests.Consents;

/// <summary>P03, P02: no share with SPIP before the information, none while he objects; every share in the ledger.</summary>
public sealed class SpipShareTests(UsmpFactory app) : IClassFixture<UsmpFactory>
{
    [Fact]
    public async Task A_share_needs_the_information_and_an_objection_blocks_every_new_one_at_once()
    {
        var patient = await app.NewPatientAsync("Spip");
        var physician = await app.LoginAsAsync(DemoData.Account(Role.Physician));
        var url = $"/Spip/Share/{patient.Id}";

        var beforeInformation = await physician.PostFormAsync(url, new Dictionary<string, string> { ["Message"] = "Suivi en place" }, $"/Patients/Chart/{patient.Id}");
        (await beforeInformation.TextAsync()).Should().Contain("n'a pas encore été informé de son droit de s'opposer");
        (await app.WithDbAsync(db => db.SpipShares.CountAsync(s => s.PatientId == patient.Id))).Should().Be(0);

        await physician.RecordAsync(patient.Id, ConsentTopic.SpipInformation, ConsentDecision.Informed);
        (await physician.PostFormAsync(url, new Dictionary<string, string> { ["Message"] = "Suivi en place, attestation transmise au JAP" }))
            .StatusCode.Should().Be(HttpStatusCode.Redirect);

        var spip = await app.LoginAsAsync(DemoData.Account(Role.Spip));
        (await spip.GetDocumentAsync("/Spip")).Body!.TextContent.Should().Contain("Suivi en place, attestation transmise au JAP");
        var disclosure = await app.WithDbAsync(db => db.Disclosures.SingleAsync(d => d.PatientId == patient.Id));
        disclosure.Recipient.Should().Be(RecipientCategory.Spip);
        disclosure.ConsentEntryId.Should().NotBeNull();

        await physician.RecordAsync(patient.Id, ConsentTopic.SpipObjection, ConsentDecision.Objected);
        var afterObjection = await physician.PostFormAsync(url, new Dictionary<string, string> { ["Message"] = "Nouvelle information" }, $"/Patients/Chart/{patient.Id}");
        (await afterObjection.TextAsync()).Should().Contain("s'est opposé au partage avec le SPIP");
        (await app.WithDbAsync(db => db.SpipShares.CountAsync(s => s.PatientId == patient.Id))).Should().Be(1);
        (await spip.GetDocumentAsync("/Spip")).Body!.TextContent.Should().NotContain("attestation transmise au JAP",
            "SPIP reads shared items only while the patient does not object (P03, docs/deontology.md)");
        (await app.WithDbAsync(db => db.Disclosures.CountAsync(d => d.PatientId == patient.Id))).Should().Be(1,
            "the ledger keeps what was sent");
        (await physician.GetDocumentAsync($"/Patients/Chart/{patient.Id}")).QuerySelector(".banner")!.TextContent
            .Should().Contain("Opposition au partage avec le SPIP");
    }

    [Fact]
    public async Task A_share_carrying_a_diagnosis_or_a_treatment_is_refused_and_the_text_kept()
    {
        var patient = await app.NewPatientAsync("Spipmed");
        var physician = await app.LoginAsAsync(DemoData.Account(Role.Physician));
        var form = Clinic.ConsultationForm(patient.Id);
        form["Input.Diagnoses[0]"] = "F32.1";
        form["Input.Prescriptions[0].Text"] = "Sertraline 50 mg";
        form["Input.Prescriptions[0].Consented"] = "true";
        await physician.PostConsultationAsync("Sign", form);
        await physician.RecordAsync(patient.Id, ConsentTopic.SpipInformation, ConsentDecision.Informed);

        var url = $"/Spip/Share/{patient.Id}";
        var withDiagnosis = await (await physician.PostFormAsync(url, new Dictionary<string, string> { ["Message"] = "Épisode dépressif, suivi hebdomadaire" })).TextAsync();
        withDiagnosis.Should().Contain("éléments médicaux qui ne peuvent pas quitter l'équipe de soins").And.Contain("Épisode dépressif, suivi hebdomadaire");
        var withTreatment = await (await physician.PostFormAsync(url, new Dictionary<string, string> { ["Message"] = "Prend de la sertraline" })).TextAsync();
        withTreatment.Should().Contain("sertraline (traitement du patient)");

        (await app.WithDbAsync(db => db.Disclosures.CountAsync(d => d.PatientId == patient.Id))).Should().Be(0);
    }

    [Fact]
    public async Task The_disclosure_ledger_and_the_consent_history_cannot_be_updated_or_deleted()
    {
        var patient = await app.NewPatientAsync("Registre");
        var physician = await app.LoginAsAsync(DemoData.Account(Role.Physician));
        await physician.RecordAsync(patient.Id, ConsentTopic.SpipInformation, ConsentDecision.Informed);
        await physician.PostFormAsync($"/Spip/Share/{patient.Id}", new Dictionary<string, string> { ["Message"] = "Suivi en place" });

        foreach (var sql in new[]
                 {
                     $"UPDATE consent.disclosures SET what = 'effacé' WHERE patient_id = '{patient.Id}'",
                     $"DELETE FROM consent.disclosures WHERE patient_id = '{patient.Id}'",
                     $"UPDATE consent.consent_entries SET decision = 'Objected' WHERE patient_id = '{patient.Id}'",
                     $"DELETE FROM consent.consent_entries WHERE patient_id = '{patient.Id}'",
                     "TRUNCATE consent.disclosures CASCADE",
                 })
        {
            var run = async () =>
            {
                await using var connection = new Npgsql.NpgsqlConnection(app.AdminConnectionString);
                await connection.OpenAsync();
                await new Npgsql.NpgsqlCommand(sql, connection).ExecuteNonQueryAsync();
            };
            (await run.Should().ThrowAsync<Npgsql.PostgresException>(sql)).Which.MessageText.Should().Contain("append-only");
        }
        var coordinator = await app.LoginAsAsync(DemoData.Account(Role.Coordinator));
        (await coordinator.GetDocumentAsync("/Disclosures")).Body!.TextContent.Should().Contain("Suivi en place").And.Contain(patient.Ecrou);
    }

    [Fact]
    public async Task A_consent_answer_that_does_not_fit_the_question_gets_a_french_message()
    {
        var patient = await app.NewPatientAsync("Consent");
        var nurse = await app.LoginAsAsync(DemoData.Nurse(Team.Somatic));

        var noCategory = await nurse.PostFormAsync($"/Patients/Consents/{patient.Id}", new Dictionary<string, string>
        {
            ["Topic"] = "OutsideExchange", ["Decision"] = "Agreed", ["Expression"] = "Oralement",
        });
        (await noCategory.TextAsync()).Should().Contain("Précisez la catégorie de professionnels");
        var wrongAnswer = await nurse.PostFormAsync($"/Patients/Consents/{patient.Id}", new Dictionary<string, string>
        {
            ["Topic"] = "SpipInformation", ["Decision"] = "Agreed", ["Expression"] = "Oralement",
        });
        (await wrongAnswer.TextAsync()).Should().Contain("ne correspond pas à la question");
    }
}
