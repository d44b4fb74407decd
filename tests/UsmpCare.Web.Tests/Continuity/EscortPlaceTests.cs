using System.Net;
using Microsoft.EntityFrameworkCore;
using UglyToad.PdfPig;
using UsmpCare.Domain.Disclosures;
using UsmpCare.Domain.Security;
using UsmpCare.Web.Data;
using UsmpCare.Web.Tests.Infrastructure;

namespace UsmpCare.Web.Tests.Continuity;

/// <summary>P05, P32: the AP organises escorts from a place of the unit's list; no specialty or reason reaches it.</summary>
public sealed class EscortPlaceTests(UsmpFactory app) : IClassFixture<UsmpFactory>
{
    /// <summary>
    /// Medical word stems and specialties made into words a clinician could type, cardiology first, as many as the
    /// reason field holds (1,400 characters; the stem list outgrew it).
    /// </summary>
    private static readonly string MedicalText = string.Join(" ",
        MedicalTextCheck.Specialties.Concat(MedicalTextCheck.MedicalStems).Select(s => s + "ie")
            .Aggregate(new List<string>(), (kept, word) =>
            {
                if (kept.Sum(w => w.Length + 1) + word.Length < 1200)
                {
                    kept.Add(word);
                }
                return kept;
            }));

    [Fact]
    public async Task No_ap_page_shows_a_specialty_or_a_medical_word_whatever_the_clinician_typed()
    {
        var patient = await app.NewPatientAsync("Extrait");
        var physician = await app.LoginAsAsync(DemoData.Account(Role.Physician));
        (await physician.PostFormAsync("/Escorts", new Dictionary<string, string>
        {
            ["Ecrou"] = patient.Ecrou, ["At"] = TestClock.Form(TimeSpan.FromDays(2)),
            ["PlaceId"] = (await app.PlaceIdAsync()).ToString(), ["EscortLevel"] = "3",
            // A destination typed as before the list of places: the form no longer takes it.
            ["Destination"] = "CHU Henri-Mondor, service de cardiologie " + MedicalText,
            ["MedicalReason"] = MedicalText,
        })).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await physician.GetDocumentAsync("/Escorts")).Body!.TextContent.Should().Contain("cardioie", "the unit reads the reason");

        var ap = await app.LoginAsAsync(DemoData.Account(Role.PrisonAdministration));
        var pages = await CrawlAsync(ap, "/Ap");
        pages.Keys.Should().Contain("/Ap/Escorts");
        pages["/Ap/Escorts"].Should().Contain(patient.Ecrou).And.Contain("Centre hospitalier — Centre hospitalier de Villeneuve")
            .And.Contain("3", "the escort level is what the AP needs");
        foreach (var (url, text) in pages)
        {
            MedicalWordsIn(text).Should().BeEmpty($"{url} is read by the AP (P05, P32)");
        }
    }

    [Fact]
    public async Task A_place_names_an_establishment_never_a_service_and_another_units_place_is_refused()
    {
        var coordinator = await app.LoginAsAsync(DemoData.Account(Role.Coordinator));
        var refused = await coordinator.PostFormAsync("/Escorts/Places", new Dictionary<string, string>
        {
            ["Kind"] = "Hospital", ["Name"] = "CHU Henri-Mondor, service de dermatologie",
        });
        refused.StatusCode.Should().Be(HttpStatusCode.OK);
        (await refused.TextAsync()).Should().Contain("ne peut pas contenir de service, de spécialité ni de motif").And.Contain("dermato");
        (await app.WithDbAsync(db => db.EscortPlaces.AnyAsync(p => p.Name.Contains("Mondor")))).Should().BeFalse();
        (await coordinator.PostFormAsync("/Escorts/Places", new Dictionary<string, string> { ["Kind"] = "Court", ["Name"] = "Tribunal judiciaire de Melun" }))
            .StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await coordinator.GetDocumentAsync("/Escorts/Places")).QuerySelector("#places")!.TextContent.Should().Contain("Tribunal — Tribunal judiciaire de Melun");
        (await (await app.LoginAsAsync(DemoData.Nurse(Team.Somatic))).GetAsync("/Escorts/Places")).Headers.Location!.OriginalString
            .Should().Contain("/Account/AccessDenied", "the coordinator keeps the list");

        var patient = await app.NewPatientAsync("Ailleurs");
        var nurse = await app.LoginAsAsync(DemoData.Nurse(Team.Somatic));
        var otherUnit = await nurse.PostFormAsync("/Escorts", new Dictionary<string, string>
        {
            ["Ecrou"] = patient.Ecrou, ["At"] = TestClock.Form(TimeSpan.FromDays(2)),
            ["PlaceId"] = (await app.PlaceIdAsync(DemoData.UnitB)).ToString(), ["EscortLevel"] = "2", ["MedicalReason"] = "Bilan",
        });
        (await otherUnit.TextAsync()).Should().Contain("Choisissez la destination dans la liste des lieux de l'unité.");
        (await app.WithDbAsync(db => db.ExternalAppointments.AnyAsync(a => a.PatientId == patient.Id))).Should().BeFalse();
    }

    /// <summary>The medical stems and specialties found among the words of a text.</summary>
    private static List<string> MedicalWordsIn(string text) =>
        [.. MedicalTextCheck.Normalize(text).Split([' ', '\n', '\t', ',', '.', ';', ':', '(', ')', '«', '»', '\'', '’', '-', '/'], StringSplitOptions.RemoveEmptyEntries)
            .Where(w => MedicalTextCheck.MedicalStems.Concat(MedicalTextCheck.Specialties)
                .Any(s => !s.Contains(' ') && (s.Length > 3 ? w.StartsWith(s, StringComparison.Ordinal) : w == s)))
            .Distinct()];

    /// <summary>Every AP page, PDF and CSV reachable from the start page by its links, as text.</summary>
    private static async Task<Dictionary<string, string>> CrawlAsync(HttpClient client, string start)
    {
        var seen = new Dictionary<string, string>();
        var queue = new Queue<string>([start]);
        while (queue.TryDequeue(out var url) && seen.Count < 200)
        {
            if (seen.ContainsKey(url))
            {
                continue;
            }
            var response = await client.GetAsync(url);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                seen[url] = "";
                continue;
            }
            var bytes = await response.Content.ReadAsByteArrayAsync();
            if (response.Content.Headers.ContentType?.MediaType == "application/pdf")
            {
                using var pdf = PdfDocument.Open(bytes);
                seen[url] = string.Join(" ", pdf.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
                continue;
            }
            if (response.Content.Headers.ContentType?.MediaType != "text/html")
            {
                seen[url] = System.Text.Encoding.UTF8.GetString(bytes);
                continue;
            }
            var document = HttpClientExtensions.Parse(System.Text.Encoding.UTF8.GetString(bytes));
            seen[url] = document.Body!.TextContent;
            foreach (var href in document.QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")!))
            {
                // The AP's pages and the documents they serve; the menu's « Qui voit quoi » and glossary describe the
                // system's permissions (« diagnostics »), not a patient.
                if (href.StartsWith("/Ap", StringComparison.Ordinal) || href.StartsWith("/Documents/View/", StringComparison.Ordinal))
                {
                    queue.Enqueue(href);
                }
            }
        }
        return seen;
    }
}
