import Domain
import Routes

/// Every back-office route, with the access it requires and how much body it reads.
func registerAdminRoutes(_ admin: AdminRouter, _ app: AppServices) {
    admin.get(.signIn, .open) { try await SignInController.show($0, $1, app) }
    admin.post(.signIn, .open) { try await SignInController.create($0, $1, app) }
    admin.get(.signInVerify, .secondFactor) { try await SignInController.showVerify($0, $1, app) }
    admin.post(.signInVerify, .secondFactor) { try await SignInController.verify($0, $1, app) }
    admin.post(.signOut, .staff(.anyStaff)) { try await SignInController.signOut($0, $1, app) }
    admin.get(.passwordForgot, .open) { try await PasswordController.showForgot($0, $1, app) }
    admin.post(.passwordForgot, .open) { try await PasswordController.forgot($0, $1, app) }
    admin.get(.passwordReset, .open) { try await PasswordController.showReset($0, $1, app) }
    admin.post(.passwordReset, .open) { try await PasswordController.reset($0, $1, app) }
    admin.get(.invitation, .open) { try await InvitationController.show($0, $1, app) }
    admin.post(.invitation, .open) { try await InvitationController.accept($0, $1, app) }

    admin.get(.dashboard, .staff(.anyStaff)) { try await DashboardController.show($0, $1, app) }
    admin.get(.account, .staff(.anyStaff)) { try await AccountController.show($0, $1, app) }
    admin.post(.accountProfile, .staff(.anyStaff)) { try await AccountController.profile($0, $1, app) }
    admin.post(.accountPassword, .staff(.anyStaff)) { try await AccountController.password($0, $1, app) }
    admin.post(.accountTwoFactor, .staff(.anyStaff)) { try await AccountController.startTwoFactor($0, $1, app) }
    admin.post(.accountTwoFactorConfirm, .staff(.anyStaff)) { try await AccountController.confirmTwoFactor($0, $1, app) }
    admin.post(.accountTwoFactorDisable, .staff(.anyStaff)) { try await AccountController.disableTwoFactor($0, $1, app) }
    admin.post(.accountRecoveryCodes, .staff(.anyStaff)) { try await AccountController.recoveryCodes($0, $1, app) }

    let byline = BodyRules.form(repeating: [ArticleForm.Field.authors.name])
    admin.get(.articles, .staff(.writeArticles)) { try await AdminArticlesController.index($0, $1, app) }
    admin.get(.articleNew, .staff(.writeArticles)) { try await AdminArticlesController.new($0, $1, app) }
    admin.post(.articles, .staff(.writeArticles), body: byline) { try await AdminArticlesController.create($0, $1, app) }
    admin.get(.articleEdit, .staff(.writeArticles)) { try await AdminArticlesController.edit($0, $1, app) }
    admin.post(.article, .staff(.writeArticles), body: byline) { try await AdminArticlesController.update($0, $1, app) }
    admin.get(.articleRevisions, .staff(.writeArticles)) { try await RevisionsController.index($0, $1, app) }
    admin.get(.articleRevision, .staff(.writeArticles)) { try await RevisionsController.show($0, $1, app) }
    admin.post(.articleRevisionRestore, .staff(.writeArticles)) { try await RevisionsController.restore($0, $1, app) }
    admin.post(.preview, .staff(.writeArticles)) { try await EditorAPIController.preview($0, $1, app) }
    admin.get(.mediaPicker, .staff(.writeArticles)) { try await EditorAPIController.mediaPicker($0, $1, app) }
    admin.post(.autosaveNew, .staff(.writeArticles), body: byline) { try await EditorAPIController.autosaveNew($0, $1, app) }
    admin.post(.autosave, .staff(.writeArticles), body: byline) { try await EditorAPIController.autosave($0, $1, app) }

    admin.get(.media, .staff(.uploadMedia)) { try await MediaController.index($0, $1, app) }
    admin.post(.media, .staff(.uploadMedia), body: .upload) { try await MediaController.upload($0, $1, app) }
    admin.get(.mediaItem, .staff(.uploadMedia)) { try await MediaController.show($0, $1, app) }
    admin.post(.mediaItem, .staff(.uploadMedia)) { try await MediaController.describe($0, $1, app) }
    admin.post(.mediaDelete, .staff(.manageMedia)) { try await MediaController.delete($0, $1, app) }

    admin.get(.comments, .staff(.moderateComments)) { try await CommentModerationController.index($0, $1, app) }
    admin.post(.comments, .staff(.moderateComments), body: .form(repeating: [ModerationForm.Field.id.name])) {
        try await CommentModerationController.apply($0, $1, app)
    }
    admin.get(.commenter, .staff(.moderateComments)) { try await CommentDeskController.commenter($0, $1, app) }
    admin.get(.commentBans, .staff(.moderateComments)) { try await CommentDeskController.bans($0, $1, app) }
    admin.post(.commentBans, .staff(.moderateComments)) { try await CommentDeskController.ban($0, $1, app) }
    admin.post(.commentBanLift, .staff(.moderateComments)) { try await CommentDeskController.lift($0, $1, app) }
    admin.get(.comment, .staff(.moderateComments)) { try await CommentDeskController.show($0, $1, app) }
    admin.post(.comment, .staff(.moderateComments)) { try await CommentDeskController.update($0, $1, app) }
    admin.post(.commentReply, .staff(.moderateComments)) { try await CommentDeskController.reply($0, $1, app) }

    admin.get(.settings, .staff(.manageSettings)) { try await SettingsController.show($0, $1, app) }
    admin.post(.settings, .staff(.manageSettings)) { try await SettingsController.update($0, $1, app) }
    admin.get(.sections, .staff(.manageSettings)) { try await SectionsController.index($0, $1, app) }
    admin.post(.sections, .staff(.manageSettings)) { try await SectionsController.create($0, $1, app) }
    admin.post(.section, .staff(.manageSettings)) { try await SectionsController.update($0, $1, app) }
    admin.post(.sectionMove, .staff(.manageSettings)) { try await SectionsController.move($0, $1, app) }
    admin.post(.sectionDelete, .staff(.manageSettings)) { try await SectionsController.delete($0, $1, app) }

    registerNewsletterRoutes(admin, app)

    admin.get(.donations, .staff(.manageDonations)) { try await DonationsAdminController.index($0, $1, app) }
    admin.get(.donationsCSV, .staff(.manageDonations)) { try await DonationsAdminController.export($0, $1, app) }
    admin.get(.donation, .staff(.manageDonations)) { try await DonationsAdminController.show($0, $1, app) }

    admin.get(.staff, .staff(.manageStaff)) { try await StaffController.index($0, $1, app) }
    admin.post(.staffInvitations, .staff(.manageStaff)) { try await StaffController.invite($0, $1, app) }
    admin.post(.staffRole, .staff(.manageStaff)) { try await StaffController.changeRole($0, $1, app) }
    admin.post(.staffDeactivate, .staff(.manageStaff)) { try await StaffController.deactivate($0, $1, app) }
    admin.post(.staffReactivate, .staff(.manageStaff)) { try await StaffController.reactivate($0, $1, app) }
}

/// The back office's newsletter routes (owners and editors).
func registerNewsletterRoutes(_ admin: AdminRouter, _ app: AppServices) {
    let access = RouteAccess.staff(.manageNewsletter)
    let sections = BodyRules.form(repeating: [NewsletterForm.Field.section.name])
    admin.get(.newsletter, access) { try await NewsletterAdminController.index($0, $1, app) }
    admin.get(.newsletterNew, access) { try await NewsletterAdminController.new($0, $1, app) }
    admin.post(.newsletters, access, body: sections) { try await NewsletterAdminController.create($0, $1, app) }
    admin.get(.newsletterItem, access) { try await NewsletterAdminController.edit($0, $1, app) }
    admin.post(.newsletterItem, access, body: sections) { try await NewsletterAdminController.update($0, $1, app) }
    admin.post(.newsletterDelete, access) { try await NewsletterAdminController.delete($0, $1, app) }

    admin.get(.subscribers, access) { try await SubscribersController.index($0, $1, app) }
    admin.get(.subscribersCSV, access) { try await SubscribersController.export($0, $1, app) }
    admin.post(
        .subscribersImport, access, body: BodyRules(limit: BodyRules.upload.limit, repeatable: [SubscriberImportForm.Field.newsletter.name])
    ) {
        try await SubscribersController.importCSV($0, $1, app)
    }
    admin.post(.subscriberDelete, access) { try await SubscribersController.delete($0, $1, app) }
    admin.post(.subscriberUnsuppress, access) { try await SubscribersController.unsuppress($0, $1, app) }

    admin.get(.editionNew, access) { try await EditionsController.new($0, $1, app) }
    admin.post(.editions, access) { try await EditionsController.create($0, $1, app) }
    admin.get(.edition, access) { try await EditionsController.show($0, $1, app) }
    admin.post(.edition, access) { try await EditionsController.update($0, $1, app) }
    admin.get(.editionPreview, access) { try await EditionsController.preview($0, $1, app) }
    admin.get(.editionProgress, access) { try await EditionsController.progress($0, $1, app) }
    admin.get(.editionLog, access) { try await EditionsController.log($0, $1, app) }
    admin.post(.editionTest, access) { try await EditionsController.sendTest($0, $1, app) }
    admin.post(.editionSchedule, access) { try await EditionsController.schedule($0, $1, app) }
    admin.post(.editionSend, access) { try await EditionsController.send($0, $1, app) }
    admin.post(.editionPause, access) { try await EditionsController.pause($0, $1, app) }
    admin.post(.editionResume, access) { try await EditionsController.resume($0, $1, app) }
    admin.post(.editionDelete, access) { try await EditionsController.delete($0, $1, app) }
}
