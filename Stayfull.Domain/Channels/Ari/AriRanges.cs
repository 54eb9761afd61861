namespace Stayfull.Domain.Channels.Ari;

/// <summary>Collapses nights with identical values into the date ranges the channel manager takes.</summary>
internal static class AriRanges
{
    /// <summary>
    /// Groups <paramref name="nights"/> (ascending) into runs of consecutive dates whose value is the same.
    /// </summary>
    public static IEnumerable<(DateOnly From, DateOnly To, T Value)> Collapse<T>(IEnumerable<(DateOnly Date, T Value)> nights)
    {
        var open = false;
        DateOnly from = default, to = default;
        T value = default!;
        foreach (var (date, next) in nights)
        {
            if (open && date.DayNumber == to.DayNumber + 1 && EqualityComparer<T>.Default.Equals(value, next))
            {
                to = date;
                continue;
            }

            if (open)
            {
                yield return (from, to, value);
            }

            (open, from, to, value) = (true, date, date, next);
        }

        if (open)
        {
            yield return (from, to, value);
        }
    }
}
