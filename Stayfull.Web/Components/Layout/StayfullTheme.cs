using MudBlazor;

namespace Stayfull.Web.Components.Layout;

public static class StayfullTheme
{
    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#0f5c6e",
            // Dark enough for small text on white and white text on it (WCAG AA 4.5:1): secondary text and
            // info chips are read at a glance across the desk.
            Secondary = "#b84a30",
            AppbarBackground = "#0f5c6e",
            Success = "#2e7d32",
            Warning = "#b26a00",
            Error = "#c62828",
            Info = "#1565c0",
        },
    };
}
