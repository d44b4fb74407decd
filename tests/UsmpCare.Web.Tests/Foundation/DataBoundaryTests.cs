using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UsmpCare.Domain.Agenda;
using UsmpCare.Domain.Patients;
using UsmpCare.Domain.Security;
using UsmpCare.Web.Data;
using UsmpCare.Web.Tests.Agenda;
using UsmpCare.Web.Tests.Infrastructure;

namespace UsmpCare.Web.Tests.Foundation;

/// <summary>
/// P05: prison administration, SPIP and the IT administrator see no medical field anywhere. Every page of the app is
/// requested (with real ids) and every link they can follow is crawled; no answer may carry a medical word of the
/// demo records.
/// </summary>
public sealed class DataBoundaryTests(UsmpFactory app) : IClassFixture<UsmpFactory>
{
    [Theory]
    [InlineData(Role.PrisonAdministration)]
    [InlineData(Role.Spip)]
    [InlineData(Role.Administrator)]
    public async Task Non_care_accounts_never_receive_a_medical_field_on_any_page(Role role)
    {
        var medical = await MedicalTextsAsync();
        medical.Should().Contain("AMOXICILLINE").And.Contain("METHADONE").And.Contain("ZOLOFT 50 mg, gélule").And.HaveCountGreaterThan(5);
        var seen = await CrawlAsync(role, medical);
        seen.Should().Contain(["/Treatments/Validation", "/Treatments/Drugs?q=methadone"])
            .And.Contain(u => u.StartsWith("/Patients/Allergies/", StringComparison.Ordinal));
    }

    /// <summary>
    /// Issue #20: the hospital pharmacist reads the unit's prescriptions (drug names are his trade) and nothing else of
    /// the record: no note, finding, diagnosis, allergy, care request or appointment reason on any page he can reach.
    /// </summary>
    [Fact]
    public async Task The_pharmacist_receives_prescriptions_and_no_other_medical_field_on_any_page()
    {
        var drugs = await DrugNamesAsync();
        var medical = (await MedicalTextsAsync()).Except(drugs).ToList();
        medical.Should().Contain("AMOXICILLINE").And.HaveCountGreaterThan(5);

        await CrawlAsync(Role.Pharmacist, medical);
        var worklist = await (await app.LoginAsAsync(DemoData.Account(Role.Pharmacist))).GetAsync("/Treatments/Validation");
        (await worklist.TextAsync()).Should().Contain("METHADONE AP-HP 40 mg, gélule", "his worklist shows what he validates");
    }

    /// <summary>Requests every route with real ids and follows every link; no answer may carry one of the words.</summary>
    private async Task<HashSet<string>> CrawlAsync(Role role, IReadOnlyCollection<string> medical)
    {
        var client = await app.LoginAsAsync(DemoData.Account(role));
        var ids = await app.WithDbAsync(async db => new
        {
            Patient = await db.SomaticEntries.Select(e => e.PatientId).FirstAsync(),
            Somatic = await db.SomaticEntries.Select(e => e.Id).FirstAsync(),
            Psychiatric = await db.PsychiatricEntries.Select(e => e.Id).FirstAsync(),
            // The demo patient with a problem list, results, recalls and vaccinations (issue #21).
            Followup = await db.Vaccinations.Where(v => db.Recalls.Any(r => r.PatientId == v.PatientId)).Select(v => v.PatientId).FirstAsync(),
            Prescribed = await db.Prescriptions.Select(p => p.PatientId).FirstAsync(),
        });
        var routes = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/')).Distinct().ToList();
        var urls = new Queue<string>(routes.Select(r => Regex.Replace(r, @"\{(\w+)(:[^}?]*)?\??\}", m => m.Groups[1].Value switch
        {
            "team" => "Somatic",
            "patientId" => ids.Patient.ToString(),
            _ => r.Contains("{team}") ? ids.Somatic.ToString() : ids.Patient.ToString(),
        })).Append($"/Records/Entry/Psychiatric/{ids.Psychiatric}").Append($"/Patients?q=a").Append("/Clinical/Cim10?q=hepatite")
            // Issue #21: the prison's movement list of the demo's coming days, page and CSV (the crawl follows « lendemain »).
            .Append("/Ap/Movements?handler=Csv").Append($"/Ap/Movements?handler=Csv&day={TestClock.Today.AddDays(1):yyyy-MM-dd}")
            .Append("/Treatments/Round?wing=B%C3%A2timent%20A&slot=Morning").Append("/Treatments/PillBoxes")
            .Concat(FollowupPages.Select(page => $"/Followup/{page}/{ids.Followup}"))
            // Issue #20: the treatment pages, with a patient who has prescriptions and a search that finds drugs.
            .Append($"/Patients/Allergies/{ids.Prescribed}").Append("/Treatments/Drugs?q=methadone").Append("/Treatments/Validation"));
        var seen = new HashSet<string>();

        while (urls.Count > 0 && seen.Count < 200)
        {
            var url = urls.Dequeue();
            if (!seen.Add(url) || url.StartsWith("/Account/Logout", StringComparison.Ordinal))
            {
                continue;
            }
            var response = await client.GetAsync(url);
            ((int)response.StatusCode).Should().BeLessThan(500, $"{url} must answer {role} without a server error");
            var text = await response.TextAsync();
            medical.Where(word => text.Contains(word, StringComparison.OrdinalIgnoreCase))
                .Should().BeEmpty($"{role} must not read medical data on {url}");
            foreach (var link in HttpClientExtensions.Parse(text).QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")!)
                         .Where(h => h.StartsWith('/') && !h.StartsWith("//", StringComparison.Ordinal)))
            {
                urls.Enqueue(link);
            }
        }
        seen.Should().HaveCountGreaterThan(15);
        return seen;
    }

    /// <summary>
    /// Issue #21: the pages and exports of the prison and the SPIP (the movement list, its CSV, the escorts, every page
    /// under /Ap and /Spip) on a day holding one appointment of every kind, each with its team, practitioner, room and
    /// reason: none of these reaches them (P05; what the associations of prison medicine ask of the prison's view of the
    /// agenda). Words are matched whole, case and accents as written: « Suivi » is a kind, « personnes suivies » is not.
    /// </summary>
    [Theory]
    [InlineData(Role.PrisonAdministration)]
    [InlineData(Role.Spip)]
    public async Task The_prison_and_the_spip_learn_no_kind_team_practitioner_room_or_reason_of_a_days_appointments(Role role)
    {
        var day = TestClock.Today.AddDays(5);
        var booked = new (VisitKind Kind, string Email, Role Role, string Room, string Reason)[]
        {
            (VisitKind.EntryVisit, "medecin@demo.usmp.fr", Role.Physician, "Salle de consultation 1", "Arrivant sous méthadone"),
            (VisitKind.Consultation, "psychiatre@demo.usmp.fr", Role.Psychiatrist, "Bureau d'entretien", "Idées noires depuis le parloir"),
            (VisitKind.FollowUp, "medecin@demo.usmp.fr", Role.Physician, "Salle de consultation 2", "Contrôle tensionnel"),
            (VisitKind.Tso, "infirmier.soma@demo.usmp.fr", Role.Nurse, "Salle de soins", "Délivrance buprénorphine"),
            (VisitKind.Dental, "dentiste@demo.usmp.fr", Role.Dentist, "Cabinet dentaire", "Extraction de la 46"),
            (VisitKind.Psychology, "psychologue@demo.usmp.fr", Role.Psychologist, "Bureau d'entretien", "Soutien après un deuil"),
            (VisitKind.NursingCare, "infirmier.psy@demo.usmp.fr", Role.Nurse, "Salle de soins", "Injection retard"),
            (VisitKind.PreventionVisit, "medecin@demo.usmp.fr", Role.Physician, "Salle de consultation 1", "Poste en cuisine"),
        };
        var patients = new List<Patient>();
        foreach (var (b, i) in booked.Select((b, i) => (b, i)))
        {
            var patient = await app.PatientInCellAsync("Journee", $"J-{i:000}", "Bâtiment J");
            await app.BookAsync(patient, day.ToDateTime(new TimeOnly(8, 0)).AddMinutes(30 * i), b.Kind, b.Email, b.Role, b.Room, b.Reason);
            patients.Add(patient);
        }
        var ids = patients.Select(p => p.Id).ToList();
        var ecrous = patients.Select(p => p.Ecrou).ToList();
        var names = await app.WithDbAsync(db => db.Appointments.Where(a => ids.Contains(a.PatientId)).Select(a => a.PractitionerName).Distinct().ToListAsync());
        var hidden = booked.Select(b => Appointment.Labels.Of(b.Kind)).Concat(booked.Select(b => b.Reason)).Concat(booked.Select(b => b.Room))
            .Concat(names).Concat(names.Select(n => n.Replace("Dr ", "", StringComparison.Ordinal)))
            .Concat(["psychiatrie", "psychiatrique", "somatique", "dentaire", "dentiste", "infirmier", "infirmière", "psychologue", "médecin"])
            .Distinct().ToList();
        var client = await app.LoginAsAsync(DemoData.Account(role));
        var routes = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
            .Where(r => r.StartsWith("/Ap", StringComparison.Ordinal) || r.StartsWith("/Spip", StringComparison.Ordinal)).Distinct();
        var urls = routes.Concat([$"/Ap/Movements?day={day:yyyy-MM-dd}", $"/Ap/Movements?handler=Csv&day={day:yyyy-MM-dd}"]).ToList();
        var read = 0;

        // The other pages under /Ap and /Spip carry what the care team chose to send (signed attestations, SPIP shares):
        // they may name a physician or say « suivi »; no appointment's reason or room reaches them either.
        var ofTheAppointments = booked.Select(b => b.Reason).Concat(booked.Select(b => b.Room)).Distinct().ToList();
        static bool OfTheDay(string url) => url.StartsWith("/Ap/Movements", StringComparison.Ordinal) || url.StartsWith("/Ap/Escorts", StringComparison.Ordinal);

        foreach (var url in urls)
        {
            var response = await client.GetAsync(url);
            var text = await response.TextAsync();
            (OfTheDay(url) ? hidden : ofTheAppointments).Where(word => Regex.IsMatch(text, $@"(?<!\w){Regex.Escape(word)}(?!\w)", RegexOptions.IgnoreCase))
                .Should().BeEmpty($"{role} must learn nothing of the care on {url} (P05)");
            read += response.IsSuccessStatusCode ? 1 : 0;
        }

        read.Should().BeGreaterThan(0);
        var movements = await client.GetAsync($"/Ap/Movements?handler=Csv&day={day:yyyy-MM-dd}");
        if (role == Role.PrisonAdministration)
        {
            // The test reads what it checks: the CSV holds the day's people, every one of them.
            var csv = await movements.TextAsync();
            ecrous.Should().OnlyContain(e => csv.Contains($";{e};", StringComparison.Ordinal));
        }
        else
        {
            movements.IsSuccessStatusCode.Should().BeFalse("the movement list is the prison's, not the SPIP's");
        }
    }

    [Theory]
    [InlineData(Role.Physician)]
    [InlineData(Role.Psychiatrist)]
    [InlineData(Role.Nurse)]
    [InlineData(Role.Coordinator)]
    [InlineData(Role.Secretary)]
    [InlineData(Role.Dentist)]
    [InlineData(Role.Psychologist)]
    public async Task Every_page_answers_every_care_role_without_a_server_error(Role role)
    {
        var client = await app.LoginAsAsync(DemoData.Account(role));
        var ids = await app.WithDbAsync(async db => new
        {
            Patient = await db.SomaticEntries.Select(e => e.PatientId).FirstAsync(),
            Somatic = await db.SomaticEntries.Select(e => e.Id).FirstAsync(),
            Request = await db.CareRequests.Select(r => r.Id).FirstAsync(),
            Round = await db.CollectionRounds.Select(r => r.Id).FirstAsync(),
        });
        var routes = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/')).Distinct()
            .Where(r => !r.StartsWith("/Account/Logout", StringComparison.Ordinal)).ToList();
        routes.Should().HaveCountGreaterThan(30);

        foreach (var route in routes)
        {
            var url = Regex.Replace(route, @"\{(\w+)(:[^}?]*)?\??\}", m => m.Groups[1].Value switch
            {
                "team" => "Somatic",
                "patientId" => ids.Patient.ToString(),
                _ when route.Contains("{team}") => ids.Somatic.ToString(),
                _ when route.StartsWith("/CareRequests/Request", StringComparison.Ordinal) => ids.Request.ToString(),
                _ when route.StartsWith("/CareRequests/Round", StringComparison.Ordinal) => ids.Round.ToString(),
                _ => ids.Patient.ToString(),
            });
            var response = await client.GetAsync(url);
            ((int)response.StatusCode).Should().BeLessThan(500, $"{role} on {url}");
        }
    }

    private static readonly string[] FollowupPages = ["Problems", "Results", "Vaccinations", "Recalls"];
    private Task<List<string>> DrugNamesAsync() => app.WithDbAsync(async db =>
        (await db.Prescriptions.AsNoTracking().ToListAsync()).SelectMany(p => p.Lines)
            .SelectMany(l => new[] { l.DrugName, l.DrugName.Split(' ')[0] }).Distinct().ToList());

    /// <summary>Distinctive medical words of the demo data: notes, findings, diagnoses, treatments, allergies.</summary>
    private Task<List<string>> MedicalTextsAsync() => app.WithDbAsync(async db =>
    {
        var texts = new List<string>();
        foreach (var team in Enum.GetValues<Team>())
        {
            var entries = await db.Entries(team).AsNoTracking().ToListAsync();
            texts.AddRange(entries.SelectMany(e => new[] { e.Note, e.Findings }).OfType<string>());
            texts.AddRange(entries.SelectMany(e => e.Diagnoses.Select(d => d.Label)));
            texts.AddRange(entries.SelectMany(e => e.Prescriptions.Select(p => p.Text)));
        }
        var allergies = (await db.Patients.AsNoTracking().ToListAsync()).SelectMany(p => p.Allergies.Entries).ToList();
        texts.AddRange(allergies.Select(a => a.Substance));
        texts.AddRange(allergies.Select(a => a.Reaction).Where(r => r != AllergyRecord.UnspecifiedReaction));
        texts.AddRange(["Allergies non renseignées", "Aucune allergie connue"]);
        texts.AddRange(await db.CareRequests.AsNoTracking().Select(r => r.Summary).ToListAsync());
        texts.AddRange(await db.ExternalAppointments.AsNoTracking().Select(a => a.MedicalReason).ToListAsync());
        // Issue #21: an appointment's reason and kind never reach the AP or SPIP.
        texts.AddRange(await db.Appointments.AsNoTracking().Where(a => a.Reason != null).Select(a => a.Reason!).ToListAsync());
        texts.AddRange(["Créneau occupé", "Psychologie", "Soins infirmiers", "Dentaire", "Visite d'entrée"]);
        // A room's name can tell the kind of care: it stays in the unit (the movement list says « Unité sanitaire »).
        texts.AddRange(["Cabinet dentaire", "Bureau d'entretien", "Salle de soins"]);
        // Issue #20: what is prescribed, and that an ordonnance is secured (a stupéfiant), stays with the care team.
        texts.AddRange((await db.Prescriptions.AsNoTracking().ToListAsync()).SelectMany(p => p.Lines.Select(l => l.DrugName)));
        texts.AddRange(["Ordonnance sécurisée", "Traitement en cours"]);
        texts.Add("Grève de la faim — jour");
        // Issue #20: what the demo prescriptions prescribe, by full name and by the name's first word.
        texts.AddRange(await DrugNamesAsync());
        // P09: what the unit's information sheet says and whether it was handed are the care team's, not the AP's.
        texts.AddRange(["Livret d'accueil", "boîte aux lettres de l'unité sanitaire"]);
        // Issue #20: the round's drugs, the pill-boxes and the substitution treatment are medical data.
        texts.AddRange(await db.Administrations.AsNoTracking().Select(a => a.DrugName).Distinct().ToListAsync());
        texts.AddRange(await db.TsoConfirmations.AsNoTracking().Select(c => c.ConfirmedWith).Distinct().ToListAsync());
        texts.AddRange(["Tournée de distribution", "Piluliers de la semaine", "Prises supervisées", "Doses supervisées manquées"]);
        // Issue #21, points 5 and 6: problems, results, recalls and vaccine lots are medical, whatever the page.
        texts.AddRange(await db.Problems.AsNoTracking().Select(p => p.Label).ToListAsync());
        texts.AddRange(await db.Recalls.AsNoTracking().Select(r => r.Detail).ToListAsync());
        texts.AddRange(await db.TestOrders.AsNoTracking().Where(o => o.Result != null && o.Result.Text != null).Select(o => o.Result!.Text!).ToListAsync());
        texts.AddRange(await db.Vaccinations.AsNoTracking().Select(v => v.Lot).ToListAsync());
        texts.AddRange(["Résultats et rappels", "à prendre en connaissance"]);
        return texts.Distinct().ToList();
    });
}
