using System.Globalization;
using Stayfull.Domain.CheckIn;

namespace Stayfull.Web.Components.Pages.Guest;

/// <summary>The countries the platform knows, by ISO code, named in the page's language, for the nationality list.</summary>
internal static class Countries
{
    public static IReadOnlyList<(string Code, string Name)> All { get; } =
        [.. CultureInfo.GetCultures(CultureTypes.SpecificCultures)
            .Select(c => { try { return new RegionInfo(c.Name); } catch (ArgumentException) { return null; } })
            .OfType<RegionInfo>()
            .Where(r => GuestDetails.IsCountryCode(r.TwoLetterISORegionName))
            .DistinctBy(r => r.TwoLetterISORegionName)
            .Select(r => (r.TwoLetterISORegionName, r.EnglishName))
            .OrderBy(r => r.EnglishName, StringComparer.CurrentCulture)];
}
