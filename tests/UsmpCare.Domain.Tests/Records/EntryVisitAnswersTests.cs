using UsmpCare.Domain.Patients;
using UsmpCare.Domain.Records;
using UsmpCare.Domain.Security;

namespace UsmpCare.Domain.Tests.Records;

/// <summary>
/// Issue #21 (4) at its edges: each addiction answer is required on its own, cigarettes 0 to 200, a text at its maximum
/// length, the catch-up answer of an incomplete vaccination, the Z72 codes of current use. Each test kills a mutant of the
/// 2026-12-06 Stryker run over EntryVisit (docs/deontology-matrix.md).
/// </summary>
public sealed class EntryVisitAnswersTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);
    private static readonly Patient Arrival = new(Guid.NewGuid(), "99002", "Morel", "Hugo", new DateOnly(1992, 5, 6), Sex.Male, Today.AddDays(-1));

    private static EntryVisitAnswers Complete() => new()
    {
        Tobacco = SubstanceUse.None, Alcohol = SubstanceUse.None, Opioids = SubstanceUse.None,
        Substitution = OpioidSubstitution.None, Cannabis = SubstanceUse.None,
        SuicideRisk = RudLevel.Low, SuicideUrgency = RudLevel.Low, SuicideDangerousness = RudLevel.Low,
        Tuberculosis = ScreeningAnswer.AlreadyDone, Hiv = ScreeningAnswer.AlreadyDone, HepatitisB = ScreeningAnswer.AlreadyDone,
        HepatitisC = ScreeningAnswer.AlreadyDone,
        DtpStatus = VaccineStatus.UpToDate, DtpCatchUp = CatchUpAnswer.NotNeeded,
        HepatitisBVaccineStatus = VaccineStatus.UpToDate, HepatitisBCatchUp = CatchUpAnswer.NotNeeded,
        PsychiatricReferral = ReferralAnswer.NotOffered,
    };

    private const string Addictions = "Addictions : répondez pour le tabac, l'alcool, les opiacés (et leur substitution) et le cannabis.";

    public static TheoryData<string> OneAddictionAnswerMissing => ["tobacco", "alcohol", "opioids", "cannabis", "substitution"];

    [Theory]
    [MemberData(nameof(OneAddictionAnswerMissing))]
    public void Each_addiction_answer_is_required_on_its_own(string missing)
    {
        var answers = missing switch
        {
            "tobacco" => Complete() with { Tobacco = null },
            "alcohol" => Complete() with { Alcohol = null },
            "opioids" => Complete() with { Opioids = null },
            "cannabis" => Complete() with { Cannabis = null },
            _ => Complete() with { Substitution = null },
        };

        EntryVisit.AnswerProblems(answers, sheetHanded: true).Should().Equal(Addictions);
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(200, true)]
    [InlineData(-1, false)]
    [InlineData(201, false)]
    public void Cigarettes_a_day_go_from_zero_to_two_hundred(int cigarettes, bool accepted)
    {
        var problems = EntryVisit.AnswerProblems(Complete() with { CigarettesPerDay = cigarettes }, sheetHanded: true);

        if (accepted)
        {
            problems.Should().BeEmpty();
        }
        else
        {
            problems.Should().Equal("Le nombre de cigarettes par jour va de 0 à 200.");
        }
    }

    [Fact]
    public void A_text_of_the_maximum_length_is_kept_and_longer_ones_are_refused_with_one_message()
    {
        var longest = new string('x', EntryVisitAnswers.TextMaxLength);
        EntryVisit.AnswerProblems(Complete() with { History = longest }, sheetHanded: true).Should().BeEmpty();

        EntryVisit.AnswerProblems(Complete() with { History = longest + "x", CurrentTreatments = longest + "x" }, sheetHanded: true)
            .Should().Equal($"Un texte dépasse {EntryVisitAnswers.TextMaxLength} caractères.");
    }

    [Fact]
    public void An_incomplete_vaccination_needs_the_patients_answer_to_the_catch_up()
    {
        EntryVisit.AnswerProblems(Complete() with { DtpStatus = VaccineStatus.Incomplete, DtpCatchUp = CatchUpAnswer.NotNeeded }, true)
            .Should().Equal("Vaccination DTP incomplète ou inconnue : notez si le rattrapage est accepté ou refusé.");
        EntryVisit.AnswerProblems(Complete() with { DtpStatus = VaccineStatus.Unknown, DtpCatchUp = CatchUpAnswer.Refused }, true)
            .Should().BeEmpty();
    }

    private static IEnumerable<string> ProblemCodes(EntryVisitAnswers answers)
    {
        var entry = ClinicalEntry.New(Team.Somatic, EntryKind.Consultation, Arrival.Id, Arrival.UnitId, Instants.Author, "Dr Martin", Instants.Monday);
        return EntryVisit.Record(entry, Arrival, answers, Guid.NewGuid()).Produce([], [], [], Arrival.BirthDate, Today, Instants.Monday)
            .Problems.Select(p => p.Code);
    }

    [Fact]
    public void Current_alcohol_or_drug_use_goes_on_the_problem_list()
    {
        ProblemCodes(Complete() with { Alcohol = SubstanceUse.Current }).Should().Equal("Z72.1");
        ProblemCodes(Complete() with { Cannabis = SubstanceUse.Current }).Should().Equal("Z72.2");
        ProblemCodes(Complete() with { Opioids = SubstanceUse.Current }).Should().Equal("Z72.2");
        ProblemCodes(Complete()).Should().BeEmpty();
    }

    private static EntryVisit Visit(EntryVisitAnswers answers, Guid? sheet)
    {
        var entry = ClinicalEntry.New(Team.Somatic, EntryKind.Consultation, Arrival.Id, Arrival.UnitId, Instants.Author, "Dr Martin", Instants.Monday);
        return EntryVisit.Record(entry, Arrival, answers, sheet);
    }

    [Fact]
    public void The_visits_note_says_every_answer_the_sheet_handed_and_the_catch_up_answered()
    {
        var answers = Complete() with
        {
            History = " Asthme ", CurrentTreatments = " Salbutamol ", Tobacco = SubstanceUse.Current, CigarettesPerDay = 10,
            Substitution = OpioidSubstitution.Methadone, SubstitutionDose = " 60 mg/j ", OtherSubstances = " kétamine ",
            DtpStatus = VaccineStatus.Incomplete, DtpCatchUp = CatchUpAnswer.Refused,
        };

        var lines = Visit(answers, Guid.NewGuid()).Summary().Split('\n');

        lines.Should().Contain("Antécédents : Asthme").And.Contain("Traitements en cours : Salbutamol");
        lines.Should().ContainSingle(l => l.StartsWith("Addictions : tabac", StringComparison.Ordinal)
            && l.Contains("(10 cig./j)") && l.Contains(" 60 mg/j,") && l.EndsWith(", autres : kétamine.", StringComparison.Ordinal));
        lines.Should().ContainSingle(l => l.StartsWith("Dépistages : radiographie thoracique", StringComparison.Ordinal));
        lines.Should().ContainSingle(l => l.StartsWith("Vaccinations : DTP", StringComparison.Ordinal) && l.Contains(", rattrapage refusé,"));
        lines.Should().Contain("Livret d'information remis (P09).");
        lines.Should().ContainSingle(l => l.StartsWith("Orientation vers l'équipe de psychiatrie : ", StringComparison.Ordinal));

        var plain = Visit(Complete() with { SheetNotHandedReason = "Libéré le jour même" }, null).Summary();
        plain.Should().NotContain("rattrapage").And.NotContain("Antécédents").And.NotContain("autres :")
            .And.Contain("Livret d'information non remis : Libéré le jour même.");
    }

    [Fact]
    public void A_vaccination_up_to_date_is_not_caught_up_whatever_the_catch_up_answer()
    {
        var visit = Visit(Complete() with { DtpCatchUp = CatchUpAnswer.Accepted, HepatitisBCatchUp = CatchUpAnswer.Accepted }, Guid.NewGuid());

        visit.Produce([], [], [], Arrival.BirthDate, Today, Instants.Monday).Recalls.Should().BeEmpty();
    }
}
