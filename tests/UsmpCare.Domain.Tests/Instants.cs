namespace UsmpCare.Domain.Tests;

/// <summary>Fixed instants: the domain takes the time as an argument, so no test reads the wall clock.</summary>
internal static class Instants
{
    /// <summary>A Monday morning in Paris (winter time).</summary>
    public static readonly DateTimeOffset Monday = new(2026, 11, 23, 9, 0, 0, TimeSpan.FromHours(1));

    public static readonly Guid Author = Guid.Parse("00000000-0000-0000-0000-0000000000a1");
}
