using System.Globalization;

namespace UsmpCare.Web.Infrastructure;

/// <summary>French dates and times, in the units' time zone.</summary>
public static class Fr
{
    public static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("fr-FR");
    /// <summary>The IANA name, as PostgreSQL's AT TIME ZONE takes it.</summary>
    public const string ParisZone = "Europe/Paris";

    public static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById(ParisZone);

    public static System.DateTime Local(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, Paris).DateTime;

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(Local(clock.GetUtcNow()));

    public static DateTimeOffset FromLocal(System.DateTime local)
    {
        var unspecified = System.DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        return new DateTimeOffset(unspecified, Paris.GetUtcOffset(unspecified)).ToUniversalTime();
    }

    public static string DateTime(DateTimeOffset at) => Local(at).ToString("dd/MM/yyyy à HH:mm", Culture);

    public static string Date(DateOnly day) => day.ToString("dd/MM/yyyy", Culture);

    public static string Date(DateOnly? day) => day is { } d ? Date(d) : "";

    public static string LongDate(DateOnly day) => day.ToString("dddd d MMMM yyyy", Culture);
}
