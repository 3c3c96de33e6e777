"""Organisation-wide settings of interviews kept in the admin: scorecard
templates (categories and attributes in Swedish and English) and the
locations whose directions the preparation email gives."""

from django.contrib import admin

from rekryt.interviews.models import Attribute, Category, Location, ScorecardTemplate


class CategoryInline(admin.TabularInline):
    model = Category
    fields = ["name_sv", "name_en", "order"]
    extra = 1


@admin.register(ScorecardTemplate)
class ScorecardTemplateAdmin(admin.ModelAdmin):
    inlines = [CategoryInline]


class AttributeInline(admin.TabularInline):
    model = Attribute
    fields = ["name_sv", "name_en", "order"]
    extra = 2


@admin.register(Category)
class CategoryAdmin(admin.ModelAdmin):
    list_display = ["name_sv", "name_en", "template", "job"]
    list_filter = ["template"]
    inlines = [AttributeInline]


@admin.register(Location)
class LocationAdmin(admin.ModelAdmin):
    list_display = ["name", "address"]
