namespace UsmpCare.Web.Reports;

/// <summary>The few statistics the figures pages need, computed one way everywhere.</summary>
public static class Statistics
{
    public static double? Median(IEnumerable<double> values) => Percentile(values, 0.5);

    /// <summary>Linear interpolation between closest ranks, as PostgreSQL's percentile_cont; null when there is no value.</summary>
    public static double? Percentile(IEnumerable<double> values, double p)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            return null;
        }
        var rank = p * (sorted.Length - 1);
        var low = (int)Math.Floor(rank);
        var high = (int)Math.Ceiling(rank);
        return sorted[low] + (sorted[high] - sorted[low]) * (rank - low);
    }
}
