namespace Stayfull.Web.Components.Pages.Manager;

/// <summary>A restriction in a bulk edit: left as each night has it, switched on, or switched off.</summary>
public enum RateFlagChange
{
    Leave = 0,
    Set = 1,
    Clear = 2,
}

public static class RateFlagChangeExtensions
{
    /// <summary>The <see cref="Domain.Rates.RateUpdate"/> value: null leaves the night as it is.</summary>
    public static bool? ToUpdate(this RateFlagChange change) => change switch
    {
        RateFlagChange.Set => true,
        RateFlagChange.Clear => false,
        _ => null,
    };
}
