using MudBlazor;

namespace Stayfull.Web.Components.Layout;

public static class StayfullTheme
{
    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#0f5c6e",
            Secondary = "#e07a5f",
            AppbarBackground = "#0f5c6e",
            Success = "#2e7d32",
            Warning = "#b26a00",
            Error = "#c62828",
        },
    };
}
