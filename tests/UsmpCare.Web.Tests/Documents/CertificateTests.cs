using System.Net;
using Microsoft.EntityFrameworkCore;
using UglyToad.PdfPig;
using UsmpCare.Domain.Certificates;
using UsmpCare.Domain.Disclosures;
using UsmpCare.Domain.Patients;
using UsmpCare.Domain.Security;
using UsmpCare.Web.Data;
using UsmpCare.Web.Tests.Infrastructure;

namespace UsmpCare.Web.Tests.Documents;

/// <summary>P22–P27: certificates built from findings, no diagnosis to AP and JAP, issued for good, read back as PDF.</summary>
public sealed class CertificateTests(UsmpFactory app) : IClassFixture<UsmpFactory>
{
    [Fact]
    public async Task An_injury_certificate_states_the_signed_findings_and_is_re_downloaded_byte_for_byte()
    {
        var patient = await app.NewPatientAsync("Blessé");
        var physician = await app.LoginAsAsync(DemoData.Account(Role.Physician));
        var form = Clinic.ConsultationForm(patient.Id, "Dit avoir été frappé en cour de promenade.");
        form["Input.Findings"] = "Plaie de l'arcade sourcilière gauche de 2 cm, hématome périorbitaire.";
        await physician.PostConsultationAsync("Sign", form);
        var url = $"/Documents/New/{patient.Id}?kind=InjuryCertificate";
        var entryId = (await app.EntriesOfAsync(patient.Id, Team.Somatic)).Single().Id;
        var fields = new Dictionary<string, string>
        {
            ["Input.Kind"] = "InjuryCertificate", ["Input.SourceEntryId"] = entryId.ToString(), ["Input.IttDays"] = "3",
        };

        var preview = await (await physician.PostFormAsync($"/Documents/New/{patient.Id}?handler=Preview", fields, url)).TextAsync();
        preview.Should().Contain("Aperçu — exactement ce qui sera transmis").And.Contain("hématome périorbitaire").And.Contain("3 jour(s)");

        var issued = await physician.PostFormAsync($"/Documents/New/{patient.Id}?handler=Issue", fields, url);
        issued.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var document = await app.WithDbAsync(db => db.IssuedDocuments.SingleAsync(d => d.PatientId == patient.Id));
        document.Number.Should().StartWith("MA-VIL-");
        document.AuthorRpps.Should().Be("10003456789");
        document.SourceEntryId.Should().Be(entryId);

        var first = await (await physician.GetAsync($"/Documents/View/{document.Id}?handler=Pdf")).Content.ReadAsByteArrayAsync();
        var second = await (await physician.GetAsync($"/Documents/View/{document.Id}?handler=Pdf")).Content.ReadAsByteArrayAsync();
        first.Should().Equal(document.Pdf).And.Equal(second);
        var words = Words(first);
        words.Should().Contain("BLESSÉ Paul").And.Contain(patient.Ecrou).And.Contain("arcade sourcilière gauche")
            .And.Contain("Incapacité totale de travail").And.Contain("RPPS 10003456789").And.Contain("01 23 45 67 89");
        (await app.WithDbAsync(db => db.Disclosures.SingleAsync(d => d.PatientId == patient.Id))).Recipient
            .Should().Be(RecipientCategory.Patient);
        var psyNurse = await app.LoginAsAsync(DemoData.Nurse(Team.Psychiatric));
        (await psyNurse.GetAsync($"/Documents/View/{document.Id}")).Headers.Location!.OriginalString
            .Should().Contain("/Account/AccessDenied", "a somatic certificate is not the psychiatric team's to read (P30)");
        (await physician.GetDocumentAsync($"/Documents?patientId={patient.Id}")).Body!.TextContent.Should().Contain(document.Number);
    }

    [Fact]
    public async Task An_attestation_for_the_ap_is_blocked_while_it_carries_a_diagnosis_and_leaves_without_one()
    {
        var patient = await app.NewPatientAsync("Attestation");
        var physician = await app.LoginAsAsync(DemoData.Account(Role.Physician));
        var consultation = Clinic.ConsultationForm(patient.Id);
        consultation["Input.Diagnoses[0]"] = "E11.9";
        await physician.PostConsultationAsync("Sign", consultation);
        var url = $"/Documents/New/{patient.Id}?kind=RegimeAttestation";
        var fields = new Dictionary<string, string>
        {
            ["Input.Kind"] = "RegimeAttestation",
            ["Input.Text"] = "Son diabète impose un accès aux repas à heures fixes.",
        };

        var blocked = await (await physician.PostFormAsync($"/Documents/New/{patient.Id}?handler=Issue", fields, url)).TextAsync();
        blocked.Should().Contain("éléments médicaux qui ne peuvent pas quitter l'équipe de soins").And.Contain("<mark>diabète</mark>");
        (await app.WithDbAsync(db => db.IssuedDocuments.CountAsync(d => d.PatientId == patient.Id))).Should().Be(0);

        fields["Input.Text"] = "Son état de santé justifie un accès aux repas à heures fixes.";
        (await physician.PostFormAsync($"/Documents/New/{patient.Id}?handler=Issue", fields, url)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var document = await app.WithDbAsync(db => db.IssuedDocuments.SingleAsync(d => d.PatientId == patient.Id));
        var words = Words(document.Pdf);
        words.Should().Contain("repas à heures fixes").And.Contain("chef d'établissement");
        words.Should().NotContainAny("diabète", "Diabète", "E11", "secret médical");

        var ap = await app.LoginAsAsync(DemoData.Account(Role.PrisonAdministration));
        (await ap.GetDocumentAsync("/Ap")).Body!.TextContent.Should().Contain(document.Number);
        (await ap.GetAsync($"/Documents/View/{document.Id}?handler=Pdf")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_follow_up_attestation_for_the_jap_gives_dates_and_no_diagnosis()
    {
        var patient = await app.NewPatientAsync("Jap");
        var psychiatrist = await app.LoginAsAsync(DemoData.Account(Role.Psychiatrist));
        var consultation = Clinic.ConsultationForm(patient.Id, "Entretien de suivi");
        consultation["Input.Diagnoses[0]"] = "F32.1";
        await psychiatrist.PostConsultationAsync("Sign", consultation);
        var url = $"/Documents/New/{patient.Id}?kind=FollowUpAttestation";

        (await psychiatrist.PostFormAsync($"/Documents/New/{patient.Id}?handler=Issue",
            new Dictionary<string, string> { ["Input.Kind"] = "FollowUpAttestation", ["Input.Text"] = "Suivi régulier, rendez-vous honorés." }, url))
            .StatusCode.Should().Be(HttpStatusCode.Redirect);

        var document = await app.WithDbAsync(db => db.IssuedDocuments.SingleAsync(d => d.PatientId == patient.Id));
        document.Recipient.Should().Be(RecipientCategory.Jap);
        var words = Words(document.Pdf);
        words.Should().Contain("juge de l'application des peines").And.Contain("Suivi depuis le").And.Contain("rendez-vous honorés");
        words.Should().NotContainAny("dépressif", "F32");
        var ap = await app.LoginAsAsync(DemoData.Account(Role.PrisonAdministration));
        (await ap.GetAsync($"/Documents/View/{document.Id}")).Headers.Location!.OriginalString.Should().Contain("/Account/AccessDenied",
            "a document for the JAP is not the AP's");
    }

    [Fact]
    public async Task A_document_issued_for_a_minor_says_so_and_one_for_an_adult_does_not()
    {
        // P36: whoever receives it must know the patient is a minor (holders of parental authority, art. L.1111-5 CSP).
        var physician = await app.LoginAsAsync(DemoData.Account(Role.Physician));
        async Task<string> IssuedFor(Patient patient)
        {
            var url = $"/Documents/New/{patient.Id}?kind=MedicalNeed";
            (await physician.PostFormAsync($"/Documents/New/{patient.Id}?handler=Issue", new Dictionary<string, string>
            {
                ["Input.Kind"] = "MedicalNeed", ["Input.Measures"] = "Douches supplémentaires", ["Input.RequestedByPatient"] = "true",
            }, url)).StatusCode.Should().Be(HttpStatusCode.Redirect);
            return Words((await app.WithDbAsync(db => db.IssuedDocuments.SingleAsync(d => d.PatientId == patient.Id))).Pdf);
        }

        (await IssuedFor(await app.NewPatientAsync("Mineur", ageYears: 16))).Should().Contain("patient mineur");
        (await IssuedFor(await app.NewPatientAsync("Majeur", ageYears: 18))).Should().NotContain("mineur");
    }

    [Fact]
    public async Task An_accessory_certificate_needs_the_patients_request()
    {
        var patient = await app.NewPatientAsync("Douches");
        var physician = await app.LoginAsAsync(DemoData.Account(Role.Physician));
        var url = $"/Documents/New/{patient.Id}?kind=MedicalNeed";
        var fields = new Dictionary<string, string> { ["Input.Kind"] = "MedicalNeed", ["Input.Measures"] = "Douches supplémentaires" };

        (await (await physician.PostFormAsync($"/Documents/New/{patient.Id}?handler=Issue", fields, url)).TextAsync())
            .Should().Contain("à sa demande").And.Contain("(P24)");
        fields["Input.RequestedByPatient"] = "true";
        (await physician.PostFormAsync($"/Documents/New/{patient.Id}?handler=Issue", fields, url)).StatusCode.Should().Be(HttpStatusCode.Redirect);

        var document = await app.WithDbAsync(db => db.IssuedDocuments.SingleAsync(d => d.PatientId == patient.Id));
        document.RequestedByPatient.Should().BeTrue();
        Words(document.Pdf).Should().Contain("Douches supplémentaires");
    }

    [Fact]
    public async Task Requests_from_the_administration_are_answered_or_refused_with_a_reason_kept_in_a_register()
    {
        var patient = await app.NewPatientAsync("Isolement");
        var ap = await app.LoginAsAsync(DemoData.Account(Role.PrisonAdministration));
        (await ap.PostFormAsync("/Ap/Requests", new Dictionary<string, string>
        {
            ["Ecrou"] = patient.Ecrou, ["What"] = "Certificat de compatibilité avec le placement à l'isolement",
        })).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await ap.PostFormAsync("/Ap/Requests", new Dictionary<string, string>
        {
            ["Ecrou"] = patient.Ecrou, ["What"] = "Attestation pour changement de régime", ["LegalBasis"] = "Orientation en centre de détention",
        })).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var requests = await app.WithDbAsync(db => db.AdministrationRequests.Where(r => r.PatientId == patient.Id).ToListAsync());
        var isolation = requests.Single(r => r.What.Contains("isolement"));
        var regime = requests.Single(r => r.What.Contains("régime"));

        var physician = await app.LoginAsAsync(DemoData.Account(Role.Physician));
        var empty = await physician.PostFormAsync("/Documents/Requests?handler=Refuse",
            new Dictionary<string, string> { ["RequestId"] = isolation.Id.ToString(), ["Reason"] = "" }, "/Documents/Requests");
        (await empty.TextAsync()).Should().Contain("Motivez le refus");
        (await physician.PostFormAsync("/Documents/Requests?handler=Refuse", new Dictionary<string, string>
        {
            ["RequestId"] = isolation.Id.ToString(), ["Reason"] = "Aucun texte ne prévoit un tel certificat ; il ne relève pas du soin.",
            ["Ground"] = nameof(RefusalGround.NoLegalBasis),
        }, "/Documents/Requests")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await app.WithDbAsync(db => db.AdministrationRequests.SingleAsync(r => r.Id == isolation.Id))).RefusalGround
            .Should().Be(RefusalGround.NoLegalBasis, "the partnership sheet counts refusals by ground");

        var newUrl = $"/Documents/New/{patient.Id}?kind=RegimeAttestation&requestId={regime.Id}";
        (await physician.PostFormAsync($"/Documents/New/{patient.Id}?handler=Issue", new Dictionary<string, string>
        {
            ["Input.Kind"] = "RegimeAttestation", ["Input.RequestId"] = regime.Id.ToString(),
            ["Input.Text"] = "Son état de santé est compatible avec une orientation en centre de détention.",
        }, newUrl)).StatusCode.Should().Be(HttpStatusCode.Redirect);

        (await physician.GetDocumentAsync("/Documents/Requests")).Body!.TextContent.Should().Contain("Aucun texte ne prévoit un tel certificat");
        var apView = (await ap.GetDocumentAsync("/Ap/Requests")).Body!.TextContent;
        apView.Should().Contain("Refusée : Aucun texte ne prévoit un tel certificat").And.Contain("Document établi");
        (await app.WithDbAsync(db => db.AdministrationRequests.SingleAsync(r => r.Id == regime.Id))).Status.Should().Be(RequestStatus.Accepted);
    }

    [Fact]
    public async Task A_requisition_naming_the_treating_physician_is_blocked_with_a_reasoned_letter()
    {
        var patient = await app.NewPatientAsync("Requis");
        var physician = await app.LoginAsAsync(DemoData.Account(Role.Physician));
        await physician.PostConsultationAsync("Sign", Clinic.ConsultationForm(patient.Id));
        var (treatingId, otherId) = await app.WithDbAsync(async db => (
            await db.Users.Where(u => u.Email == "medecin@demo.usmp.fr").Select(u => u.Id).SingleAsync(),
            await db.Users.Where(u => u.Email == "coordonnateur@demo.usmp.fr").Select(u => u.Id).SingleAsync()));
        var fields = new Dictionary<string, string>
        {
            ["Ecrou"] = patient.Ecrou, ["Authority"] = "Parquet de Créteil", ["ReceivedOn"] = "2026-11-20",
            ["PhysicianId"] = treatingId.ToString(), ["WhatAsked"] = "Examen et avis sur la compatibilité avec la garde à vue",
        };

        (await physician.PostFormAsync("/Documents/Requisitions", fields)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        fields["PhysicianId"] = otherId.ToString();
        (await physician.PostFormAsync("/Documents/Requisitions", fields)).StatusCode.Should().Be(HttpStatusCode.Redirect);

        var requisitions = await app.WithDbAsync(db => db.Requisitions.Where(r => r.PatientId == patient.Id).ToListAsync());
        var blocked = requisitions.Single(r => r.PhysicianId == treatingId);
        blocked.Blocked.Should().BeTrue();
        requisitions.Single(r => r.PhysicianId == otherId).Blocked.Should().BeFalse();
        var letter = await (await physician.GetAsync($"/Documents/Requisitions?handler=Letter&id={blocked.Id}")).Content.ReadAsByteArrayAsync();
        Words(letter).Should().Contain("R.4127-105").And.Contain("médecin traitant").And.Contain("Parquet de Créteil");
    }

    [Fact]
    public async Task An_issued_document_never_changes_and_a_correction_is_a_new_one_citing_it()
    {
        var patient = await app.NewPatientAsync("Correction");
        var physician = await app.LoginAsAsync(DemoData.Account(Role.Physician));
        var url = $"/Documents/New/{patient.Id}?kind=RecommendationSheet";
        await physician.PostFormAsync($"/Documents/New/{patient.Id}?handler=Issue",
            new Dictionary<string, string> { ["Input.Kind"] = "RecommendationSheet", ["Input.Measures"] = "Lit en position basse" }, url);
        var original = await app.WithDbAsync(db => db.IssuedDocuments.SingleAsync(d => d.PatientId == patient.Id));

        var update = async () =>
        {
            await using var connection = new Npgsql.NpgsqlConnection(app.AdminConnectionString);
            await connection.OpenAsync();
            await new Npgsql.NpgsqlCommand($"UPDATE documents.issued_documents SET text = 'x' WHERE id = '{original.Id}'", connection).ExecuteNonQueryAsync();
        };
        await update.Should().ThrowAsync<Npgsql.PostgresException>();

        var correction = $"/Documents/New/{patient.Id}?kind=RecommendationSheet&replaces={original.Id}";
        (await physician.PostFormAsync($"/Documents/New/{patient.Id}?handler=Issue", new Dictionary<string, string>
        {
            ["Input.Kind"] = "RecommendationSheet", ["Input.ReplacesId"] = original.Id.ToString(),
            ["Input.Measures"] = "Cellule en rez-de-chaussée",
        }, correction)).StatusCode.Should().Be(HttpStatusCode.Redirect);

        var documents = await app.WithDbAsync(db => db.IssuedDocuments.Where(d => d.PatientId == patient.Id).ToListAsync());
        documents.Should().HaveCount(2);
        var replacement = documents.Single(d => d.Id != original.Id);
        replacement.ReplacesId.Should().Be(original.Id);
        Words(replacement.Pdf).Should().Contain($"annule et remplace le document n° {original.Number}");
        documents.Single(d => d.Id == original.Id).Pdf.Should().Equal(original.Pdf);
        (await physician.GetDocumentAsync($"/Documents/View/{original.Id}")).Body!.TextContent.Should().Contain("a été remplacé");
    }

    [Fact]
    public async Task A_certificate_without_findings_is_refused_and_nothing_is_issued()
    {
        var patient = await app.NewPatientAsync("Sansconstat");
        var physician = await app.LoginAsAsync(DemoData.Account(Role.Physician));
        var url = $"/Documents/New/{patient.Id}?kind=InjuryCertificate";

        var refused = await (await physician.PostFormAsync($"/Documents/New/{patient.Id}?handler=Issue",
            new Dictionary<string, string> { ["Input.Kind"] = "InjuryCertificate", ["Input.IttDays"] = "2" }, url)).TextAsync();

        refused.Should().Contain("constatations fondent ce certificat");
        (await app.WithDbAsync(db => db.IssuedDocuments.CountAsync(d => d.PatientId == patient.Id))).Should().Be(0);
    }

    [Fact]
    public async Task A_work_stoppage_for_a_working_detainee_carries_the_fields_of_the_avis_d_arret_de_travail()
    {
        var patient = await app.NewPatientAsync("Atelier");
        var physician = await app.LoginAsAsync(DemoData.Account(Role.Physician));
        var url = $"/Documents/New/{patient.Id}?kind=WorkStoppage";
        var fields = new Dictionary<string, string>
        {
            ["Input.Kind"] = "WorkStoppage", ["Input.StoppageType"] = "WorkAccident", ["Input.Extension"] = "true",
            ["Input.From"] = "2026-06-08", ["Input.To"] = "2026-06-21", ["Input.ExitsAllowed"] = "false",
            ["Input.Employer"] = "Atelier de conditionnement (concessionnaire)",
        };

        (await (await physician.PostFormAsync($"/Documents/New/{patient.Id}?handler=Issue", fields, url)).TextAsync())
            .Should().Contain("date de début de l'arrêt initial");
        fields["Input.InitialFrom"] = "2026-06-01";
        fields["Input.Employer"] = "Atelier, sous Subutex";
        (await (await physician.PostFormAsync($"/Documents/New/{patient.Id}?handler=Issue", fields, url)).TextAsync())
            .Should().Contain("éléments médicaux qui ne peuvent pas quitter l'équipe de soins");
        fields["Input.Employer"] = "Atelier de conditionnement (concessionnaire)";
        (await physician.PostFormAsync($"/Documents/New/{patient.Id}?handler=Issue", fields, url)).StatusCode
            .Should().Be(HttpStatusCode.Redirect);

        var document = await app.WithDbAsync(db => db.IssuedDocuments.SingleAsync(d => d.PatientId == patient.Id));
        document.Kind.Should().Be(DocumentKind.WorkStoppage);
        document.Recipient.Should().Be(RecipientCategory.PrisonAdministration);
        var words = Words(document.Pdf);
        foreach (var field in WorkStoppageNotice.Fields)
        {
            words.Should().Contain(field);
        }
        words.Should().Contain(patient.Ecrou).And.Contain("exerçant une activité de travail")
            .And.Contain("Atelier de conditionnement (concessionnaire)").And.Contain("Accident du travail")
            .And.Contain("Prolongation").And.Contain("01/06/2026").And.Contain("08/06/2026").And.Contain("21/06/2026")
            .And.Contain("Non autorisées").And.Contain("RPPS 10003456789");
        words.Should().NotContain("secret médical");
    }

    [Fact]
    public async Task An_attestation_for_the_jap_is_stopped_by_a_diagnosis_a_treatment_or_a_medical_word_then_issued()
    {
        var patient = await app.NewPatientAsync("Japcheck");
        var psychiatrist = await app.LoginAsAsync(DemoData.Account(Role.Psychiatrist));
        var consultation = Clinic.ConsultationForm(patient.Id, "Entretien de suivi");
        consultation["Input.Diagnoses[0]"] = "F32.1";
        consultation["Input.Prescriptions[0].Text"] = "Agomélatine 25 mg";
        consultation["Input.Prescriptions[0].Dosage"] = "1 cp le soir";
        consultation["Input.Prescriptions[0].Consented"] = "true";
        await psychiatrist.PostConsultationAsync("Sign", consultation);
        var url = $"/Documents/New/{patient.Id}?kind=FollowUpAttestation";
        async Task<HttpResponseMessage> Issue(string text) => await psychiatrist.PostFormAsync(
            $"/Documents/New/{patient.Id}?handler=Issue",
            new Dictionary<string, string> { ["Input.Kind"] = "FollowUpAttestation", ["Input.Text"] = text }, url);

        foreach (var (text, word) in new[]
        {
            ("Suivi pour un épisode dépressif moyen.", "dépressif"), ("Il prend de l'agomelatine.", "agomelatine"),
            ("Code F32.1 au dossier.", "F32.1"), ("Suivi au SMPR depuis mars.", "SMPR"), ("Rendez-vous en addictologie.", "addictologie"),
        })
        {
            (await (await Issue(text)).TextAsync()).Should().Contain("éléments médicaux qui ne peuvent pas quitter l'équipe de soins")
                .And.Contain($"<mark>{word}</mark>", text);
        }
        (await app.WithDbAsync(db => db.IssuedDocuments.CountAsync(d => d.PatientId == patient.Id))).Should().Be(0);

        (await Issue("Il respecte l'obligation de soins, rendez-vous honorés.")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var words = Words((await app.WithDbAsync(db => db.IssuedDocuments.SingleAsync(d => d.PatientId == patient.Id))).Pdf);
        words.Should().Contain("juge de l'application des peines").And.Contain("obligation de soins, rendez-vous honorés");
    }

    [Fact]
    public async Task A_fiche_de_preconisations_holds_only_measures_from_the_list()
    {
        var patient = await app.NewPatientAsync("Fiche");
        var physician = await app.LoginAsAsync(DemoData.Account(Role.Physician));
        var url = $"/Documents/New/{patient.Id}?kind=RecommendationSheet";
        async Task<HttpResponseMessage> Issue(params (string, string)[] form) => await physician.PostFormAsync(
            $"/Documents/New/{patient.Id}?handler=Issue",
            new[] { ("Input.Kind", "RecommendationSheet") }.Concat(form).Select(f => KeyValuePair.Create(f.Item1, f.Item2)), url);

        (await (await Issue(("Input.Measures", "Lit en position basse"), ("Input.Measures", "Traitement donné en cellule"))).TextAsync())
            .Should().Contain("n'est pas une mesure de la liste");
        (await (await Issue(("Input.Measures", "Lit en position basse"), ("Input.Text", "Éviter les escaliers"))).TextAsync())
            .Should().Contain("retirez le texte libre");
        (await app.WithDbAsync(db => db.IssuedDocuments.CountAsync(d => d.PatientId == patient.Id))).Should().Be(0);

        (await Issue(("Input.Measures", "Lit en position basse"), ("Input.Measures", "Cellule en rez-de-chaussée"))).StatusCode
            .Should().Be(HttpStatusCode.Redirect);
        var words = Words((await app.WithDbAsync(db => db.IssuedDocuments.SingleAsync(d => d.PatientId == patient.Id))).Pdf);
        words.Should().Contain("Lit en position basse").And.Contain("Cellule en rez-de-chaussée");
    }

    /// <summary>The PDF's words, joined with spaces (PdfPig's page text drops them).</summary>
    private static string Words(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return string.Join(" ", document.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
    }
}
