using UsmpCare.Documents;
using UsmpCare.Domain.Certificates;
using UsmpCare.Domain.Consents;
using UsmpCare.Domain.Disclosures;
using UsmpCare.Domain.Patients;
using UsmpCare.Domain.Units;
using UsmpCare.Web.Documents;

namespace UsmpCare.Web.Data;

public static partial class DemoData
{
    /// <summary>
    /// P09: the unit's hours and languages, and the information sheet handed to most patients of the first unit (one in
    /// English); the last ones arrived have not had it yet, so the banner and the dashboard show some due.
    /// </summary>
    private static async Task SeedInformationSheetsAsync(AppDbContext db, IReadOnlyList<Unit> units,
        IReadOnlyList<Patient> patients, Accounts.User nurse, DateTimeOffset now)
    {
        units[0].SetInformationSheet("du lundi au vendredi de 8 h 30 à 18 h, le samedi de 9 h à 12 h ; urgences 24 h sur 24", ["en"]);
        units[1].SetInformationSheet("du lundi au vendredi de 9 h à 17 h", []);
        var unit = units[0];
        var handedTo = patients.Where(p => p.UnitId == unit.Id).OrderBy(p => p.ArrivalDate).ToList();
        foreach (var (patient, i) in handedTo.Take(handedTo.Count - 6).Select((p, i) => (p, i)))
        {
            var language = i % 10 == 3 ? "en" : InformationSheet.French;
            var on = patient.ArrivalDate.AddDays(1);
            var at = Fr.FromLocal(on.ToDateTime(new TimeOnly(10, 0)));
            var letter = InformationSheetBuilder.Build(patient, unit, language, on);
            var template = Catalogue.InformationSheet;
            var ledger = new Disclosure(patient.Id, unit.Id, template.Recipient, patient.FullName, template.Title,
                template.LegalBasis, null, LegalException.PatientHimself, nurse.Id, nurse.DisplayName, at);
            var document = new IssuedDocument($"{unit.Code}-{on.Year}-L{i + 1:D5}", patient.Id, unit.Id, template.Kind,
                template.Title, template.Recipient, template.RecipientLine, HtmlPreview.PlainText(letter),
                PdfRenderer.Render(letter), nurse.Id, nurse.DisplayName, null, at, null, null, false, null, ledger.Id);
            db.Disclosures.Add(ledger);
            db.IssuedDocuments.Add(document);
            db.InformationSheets.Add(new InformationSheet(patient, unit, language, document.Id, nurse.Id, nurse.DisplayName, at, on));
        }
        await db.SaveChangesAsync();
    }
}
