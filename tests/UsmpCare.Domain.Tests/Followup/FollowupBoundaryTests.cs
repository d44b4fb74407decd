using UsmpCare.Domain.Followup;
using UsmpCare.Domain.Records;
using UsmpCare.Domain.Security;

namespace UsmpCare.Domain.Tests.Followup;

/// <summary>
/// The follow-up's dates and lists at their edges: a dose's number, lot and day, the hepatitis B third dose, a problem's
/// dates, a recall's window and closing. Each test kills a mutant of the 2026-12-06 Stryker run over Followup
/// (docs/deontology-matrix.md).
/// </summary>
public sealed class FollowupBoundaryTests
{
    private static readonly DateOnly Today = new(2026, 12, 5);
    private static readonly DateOnly Birth = new(1990, 3, 10);
    private static readonly DateTimeOffset Now = new(2026, 12, 5, 9, 0, 0, TimeSpan.Zero);

    private static Vaccination Dose(DateOnly on, int number = 1, string lot = "AB123", Vaccine vaccine = Vaccine.HepatitisB,
        InjectionSite site = InjectionSite.LeftDeltoid) =>
        new(Guid.NewGuid(), Guid.NewGuid(), Team.Somatic, vaccine, number, lot, on, site, Birth, Guid.NewGuid(), "Infirmière Roux", Now, Today);

    [Fact]
    public void A_dose_is_numbered_one_to_ten_with_a_lot_of_forty_characters_at_most()
    {
        Dose(Today, number: 1).DoseNumber.Should().Be(1);
        Dose(Today, number: 10).DoseNumber.Should().Be(10);
        foreach (var number in new[] { 0, 11 })
        {
            var act = () => Dose(Today, number: number);
            act.Should().Throw<DomainException>().WithMessage("Le numéro de dose va de 1 à 10.");
        }
        var longest = new string('L', Vaccination.LotMaxLength);
        Dose(Today, lot: longest).Lot.Should().Be(longest);
        var tooLong = () => Dose(Today, lot: longest + "L");
        tooLong.Should().Throw<DomainException>().WithMessage("Indiquez le numéro de lot*");
    }

    [Fact]
    public void A_vaccine_or_an_injection_site_off_the_list_is_refused()
    {
        var vaccine = () => Dose(Today, vaccine: (Vaccine)99);
        vaccine.Should().Throw<DomainException>().WithMessage("Choisissez le vaccin et le site d'injection dans la liste.");
        var site = () => Dose(Today, site: (InjectionSite)99);
        site.Should().Throw<DomainException>().WithMessage("Choisissez le vaccin et le site d'injection dans la liste.");
    }

    [Fact]
    public void A_dose_may_be_given_today_or_on_the_day_of_birth_not_before_it()
    {
        Dose(Today).GivenOn.Should().Be(Today);
        Dose(Birth).GivenOn.Should().Be(Birth);
        var before = () => Dose(Birth.AddDays(-1));
        before.Should().Throw<DomainException>().WithMessage("*postérieure à la naissance*");
    }

    [Fact]
    public void The_third_hepatitis_b_dose_waits_a_month_after_a_late_second_one()
    {
        var first = new DateOnly(2026, 1, 5);
        var second = new DateOnly(2026, 8, 5);

        VaccinationSchedule.CatchUp([Dose(first), Dose(second, 2)], Birth, Today).Single(d => d.Vaccine == Vaccine.HepatitisB)
            .DueOn.Should().Be(new DateOnly(2026, 9, 5));
    }

    private static Problem Asthma(DateOnly? onset) =>
        new(Guid.NewGuid(), Guid.NewGuid(), Team.Somatic, new Cim10Code("J45.9", "Asthme, sans précision"), onset, null, Guid.NewGuid(),
            "Dr Martin", Now, Today);

    [Fact]
    public void A_problem_may_begin_and_be_resolved_today_not_tomorrow()
    {
        var problem = Asthma(Today);
        problem.OnsetOn.Should().Be(Today);
        var tomorrow = () => problem.Resolve(Today.AddDays(1), Today);
        tomorrow.Should().Throw<DomainException>().WithMessage("La date de résolution ne peut pas être dans le futur.");
        problem.Resolve(Today, Today);
        problem.ResolvedOn.Should().Be(Today);
    }

    [Fact]
    public void A_problem_is_marked_erroneous_once()
    {
        var problem = Asthma(new DateOnly(2020, 1, 1));
        problem.MarkErroneous("Mauvais patient", "Dr Martin", Now);

        var again = () => problem.MarkErroneous("Encore", "Dr Martin", Now);
        again.Should().Throw<DomainException>().WithMessage("Ce problème est déjà marqué erroné.");
    }

    private static Recall Make(DateOnly dueOn, RecallReason reason = RecallReason.Screening) =>
        Recall.ByHand(Guid.NewGuid(), Guid.NewGuid(), Team.Somatic, reason, "Sérologie VIH refusée à l'entrée", dueOn, Today,
            Guid.NewGuid(), "Dr Martin", Now);

    [Fact]
    public void A_recall_by_hand_falls_between_today_and_five_years_from_now_for_a_reason_of_the_list()
    {
        Make(Today).DueOn.Should().Be(Today);
        Make(Today.AddYears(5)).DueOn.Should().Be(Today.AddYears(5));
        var beyond = () => Make(Today.AddYears(5).AddDays(1));
        beyond.Should().Throw<DomainException>().WithMessage("La date du rappel doit être à venir, dans les cinq ans.");
        var unknown = () => Make(Today, (RecallReason)99);
        unknown.Should().Throw<DomainException>().WithMessage("Choisissez le motif du rappel dans la liste.");
    }

    [Fact]
    public void A_booked_recall_stays_open_and_a_done_one_is_not_done_twice()
    {
        var recall = Make(Today.AddMonths(1));
        var nowhere = () => recall.Book(Guid.Empty);
        nowhere.Should().Throw<DomainException>().WithMessage("Le rendez-vous du rappel est inconnu.");
        recall.Book(Guid.NewGuid());
        Recall.Open.Compile()(recall).Should().BeTrue();

        recall.MarkDone(Now);
        Recall.Open.Compile()(recall).Should().BeFalse();
        var twice = () => recall.MarkDone(Now);
        twice.Should().Throw<DomainException>().WithMessage("Ce rappel est déjà clos.");
    }

    private static readonly DateOnly Ordered = new(2026, 11, 2);

    private static TestOrder Order(Exam exam = Exam.BloodPanel, string? other = null, DateOnly? on = null) =>
        new(Guid.NewGuid(), Guid.NewGuid(), Team.Somatic, exam, other, on ?? Ordered, Guid.NewGuid(), "Dr Martin", Now);

    [Fact]
    public void An_exam_is_one_of_the_list_and_another_one_says_which()
    {
        var unknown = () => Order((Exam)99);
        unknown.Should().Throw<DomainException>().WithMessage("Choisissez l'examen dans la liste.");
        var unnamed = () => Order(Exam.Other, "  ");
        unnamed.Should().Throw<DomainException>().WithMessage("Précisez quel examen est prescrit.");

        var other = Order(Exam.Other, "  Ferritine  ");
        other.OtherLabel.Should().Be("Ferritine");
        other.Name.Should().Be("Ferritine");
        var chest = Order(Exam.ChestXray, "ignoré");
        chest.OtherLabel.Should().BeNull();
        chest.Name.Should().Be(TestOrder.Label(Exam.ChestXray));
    }

    [Fact]
    public void A_result_is_dated_today_at_the_latest_and_says_something()
    {
        var order = Order();
        var tomorrow = () => order.EnterResult(new ResultValues(null, null, null, null, "Normal."), Today.AddDays(1), Today, Guid.NewGuid(), "Roux", Now);
        tomorrow.Should().Throw<DomainException>().WithMessage("La date du résultat ne peut pas être dans le futur.");
        var empty = () => order.EnterResult(new ResultValues(null, " ", null, null, " "), Today, Today, Guid.NewGuid(), "Roux", Now);
        empty.Should().Throw<DomainException>().WithMessage("Saisissez le résultat : une valeur avec son unité, ou le compte rendu.");
        order.Result.Should().BeNull();

        order.EnterResult(new ResultValues(null, null, null, null, "Normal."), Today, Today, Guid.NewGuid(), "Roux", Now).ResultOn.Should().Be(Today);
    }

    [Fact]
    public void A_test_is_overdue_only_after_the_days_given_and_a_result_is_unacknowledged_until_read()
    {
        var overdue = TestOrder.OverdueOn(Today, 14).Compile();
        overdue(Order(on: Today.AddDays(-14))).Should().BeFalse();
        overdue(Order(on: Today.AddDays(-15))).Should().BeTrue();

        var order = Order();
        var result = order.EnterResult(new ResultValues(null, null, null, null, "Normal."), Today, Today, Guid.NewGuid(), "Roux", Now);
        var unacknowledged = TestResult.Unacknowledged.Compile();
        unacknowledged(result).Should().BeTrue();
        result.Acknowledge(true, Guid.NewGuid(), "Dr Martin", Now);
        unacknowledged(result).Should().BeFalse();
    }

    [Theory]
    [InlineData("1981-12-05", "2010-01-01", "2026-12-05", "rappel de l'âge fixe de 45 ans")]
    [InlineData("1985-12-05", "2025-12-05", "2030-12-05", "rappel de l'âge fixe de 45 ans")]
    [InlineData("1985-12-05", "2005-12-05", "2030-12-05", "rappel de l'âge fixe de 45 ans")]
    [InlineData("1951-12-05", "2005-12-05", "2026-12-05", "rappel immédiat : dernier rappel trop ancien")]
    public void A_dtp_booster_falls_at_the_next_fixed_age_five_to_twenty_five_years_after_the_last_dose_fifteen_past_sixty_five(
        string birth, string lastDose, string due, string why)
    {
        var last = DateOnly.Parse(lastDose, System.Globalization.CultureInfo.InvariantCulture);
        Vaccination[] doses = [Dose(last.AddMonths(-6), 1, vaccine: Vaccine.Dtp), Dose(last.AddMonths(-4), 2, vaccine: Vaccine.Dtp),
            Dose(last, 3, vaccine: Vaccine.Dtp)];

        var booster = VaccinationSchedule.CatchUp(doses, DateOnly.Parse(birth, System.Globalization.CultureInfo.InvariantCulture), Today)
            .Single(d => d.Vaccine == Vaccine.Dtp);

        booster.Should().Be(new CatchUpDose(Vaccine.Dtp, 4, DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture), why));
    }
}
