namespace Stayfull.Web.Components.Pages.Guest;

/// <summary>Attributes for a MudBlazor input: the test id and the browser's autofill hint.</summary>
internal static class Ids
{
    public static Dictionary<string, object?> Of(string testId, string? autocomplete = null) =>
        autocomplete is null
            ? new() { ["data-testid"] = testId }
            : new() { ["data-testid"] = testId, ["autocomplete"] = autocomplete };
}
