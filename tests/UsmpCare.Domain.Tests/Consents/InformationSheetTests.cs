using UsmpCare.Domain.Consents;
using UsmpCare.Domain.Patients;
using UsmpCare.Domain.Units;

namespace UsmpCare.Domain.Tests.Consents;

/// <summary>P09: the information sheet is handed in French or in a language the unit enabled, and is due from arrival.</summary>
public sealed class InformationSheetTests
{
    private static readonly DateOnly Arrival = new(2026, 3, 10);

    private static Unit UnitWith(params string[] languages)
    {
        var unit = new Unit("MA-T", "USMP de test", EstablishmentType.MA, "CH de test", "01 00 00 00 00", "1 rue du Test");
        unit.SetInformationSheet(" 8 h – 18 h ", languages);
        return unit;
    }

    private static Patient PatientOf(Unit unit) =>
        new(unit.Id, "123", "Martin", "Paul", new DateOnly(1980, 1, 1), Sex.Male, Arrival);

    private static InformationSheet Hand(Unit unit, string language, DateOnly on, Patient? patient = null) =>
        new(patient ?? PatientOf(unit), unit, language, Guid.NewGuid(), Guid.NewGuid(), "Julie Lefèvre", DateTimeOffset.UnixEpoch, on);

    [Fact]
    public void French_is_always_offered_and_the_enabled_languages_after_it()
    {
        var unit = UnitWith("EN", "fr", "en", " ");
        unit.OfferedInformationLanguages.Should().Equal("fr", "en");
        unit.Hours.Should().Be("8 h – 18 h");
        UnitWith().OfferedInformationLanguages.Should().Equal("fr");
        unit.OffersInformationIn(null).Should().BeFalse();
    }

    [Fact]
    public void A_language_the_unit_has_not_enabled_is_refused_in_french()
    {
        var unit = UnitWith();
        Hand(unit, "fr", Arrival).Language.Should().Be("fr");
        var english = () => Hand(unit, "en", Arrival);
        english.Should().Throw<DomainException>().WithMessage("*n'est pas proposé dans cette langue*");
        Hand(UnitWith("en"), "en", Arrival).Language.Should().Be("en");
    }

    [Fact]
    public void The_sheet_is_due_from_arrival_until_one_is_handed_for_this_stay()
    {
        var unit = UnitWith();
        var patient = PatientOf(unit);
        IQueryable<InformationSheet> Handed(params DateOnly[] on) => on.Select(d => Hand(unit, "fr", d, patient)).AsQueryable();
        var due = (IQueryable<InformationSheet> handed) => InformationSheet.Due(handed).Compile()(patient);

        due(Handed()).Should().BeTrue();
        due(Handed(Arrival.AddDays(-200))).Should().BeTrue("a sheet of an earlier stay does not count");
        due(Handed(Arrival)).Should().BeFalse();
        patient.MoveTo(PatientStatus.Released);
        due(Handed()).Should().BeFalse("nothing is due for a patient who left");
    }
}
