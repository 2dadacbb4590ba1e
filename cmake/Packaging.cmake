# Install layout (FHS, GNUInstallDirs) and the Debian packages built by scripts/package:
#   border-kiosk   : /usr/bin/border-kiosk, /usr/bin/kioskctl, /usr/share/border-kiosk (policy,
#                    trust anchors), /etc/border-kiosk/kiosk.ini (conffile), the kiosk's systemd
#                    unit; state in /var/lib/border-kiosk (0700, made by postinst)
#   border-central : /usr/bin/border-central, /etc/border-central/central.ini (conffile),
#                    border-central.service, the database set-up script; state in
#                    /var/lib/border-central (0700)
# Depends are computed from the binaries (dpkg-shlibdeps).
if(NOT DEFINED KIOSK_INSTALL_DATADIR)
  set(KIOSK_INSTALL_DATADIR ${CMAKE_INSTALL_DATADIR}/border-kiosk)
endif()
set(KIOSK_DEPLOY_DIR ${CMAKE_SOURCE_DIR}/resources/deploy)
# systemd units: /lib/systemd/system, where Debian 12's own packages install theirs.
set(KIOSK_SYSTEMD_UNITDIR lib/systemd/system)

# --- border-kiosk -------------------------------------------------------------------------
install(TARGETS border-kiosk kioskctl RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT kiosk)
install(FILES ${CMAKE_SOURCE_DIR}/resources/policy/policy.json ${CMAKE_SOURCE_DIR}/resources/policy/policy.json.sig
        DESTINATION ${KIOSK_INSTALL_DATADIR}/policy COMPONENT kiosk)
install(DIRECTORY ${CMAKE_SOURCE_DIR}/resources/trust/ DESTINATION ${KIOSK_INSTALL_DATADIR}/trust
        COMPONENT kiosk FILES_MATCHING PATTERN "*.pem" PATTERN "*.der" PATTERN "*.crt")
install(FILES ${KIOSK_DEPLOY_DIR}/kiosk/kiosk.ini DESTINATION /etc/border-kiosk COMPONENT kiosk)
install(FILES ${KIOSK_DEPLOY_DIR}/kiosk/border-kiosk.service DESTINATION ${KIOSK_SYSTEMD_UNITDIR} COMPONENT kiosk)
install(FILES ${KIOSK_DEPLOY_DIR}/kiosk/copyright DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/border-kiosk COMPONENT kiosk)

# --- border-central -----------------------------------------------------------------------
install(TARGETS border-central RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT central)
install(FILES ${KIOSK_DEPLOY_DIR}/central/central.ini DESTINATION /etc/border-central COMPONENT central)
install(FILES ${KIOSK_DEPLOY_DIR}/central/border-central.service DESTINATION ${KIOSK_SYSTEMD_UNITDIR} COMPONENT central)
install(PROGRAMS ${KIOSK_DEPLOY_DIR}/central/border-central-create-database
        DESTINATION ${CMAKE_INSTALL_SBINDIR} COMPONENT central)
install(FILES ${KIOSK_DEPLOY_DIR}/central/copyright DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/border-central COMPONENT central)

# Debian wants a compressed changelog in each package's doc folder (gzip -9n: reproducible).
set(KIOSK_CHANGELOG_GZ ${CMAKE_BINARY_DIR}/changelog.Debian.gz)
execute_process(COMMAND gzip -9nc ${KIOSK_DEPLOY_DIR}/changelog OUTPUT_FILE ${KIOSK_CHANGELOG_GZ})
install(FILES ${KIOSK_CHANGELOG_GZ} DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/border-kiosk COMPONENT kiosk)
install(FILES ${KIOSK_CHANGELOG_GZ} DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/border-central COMPONENT central)

# --- CPack: one .deb per component --------------------------------------------------------
set(CPACK_GENERATOR DEB)
set(CPACK_STRIP_FILES ON)
set(CPACK_PACKAGE_NAME border-kiosk)
set(CPACK_PACKAGE_VENDOR "Border kiosk project")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT "Border kiosk maintainers <maintainers@users.noreply.r-seed-1ec11aa3.example>")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_COMPONENTS_ALL kiosk central)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_SECTION misc)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_RELEASE 1)
set(CPACK_DEBIAN_KIOSK_PACKAGE_NAME border-kiosk)
set(CPACK_DEBIAN_KIOSK_DESCRIPTION "border-crossing kiosk: officer console and information screen
The officer console reads a passport, visa or boarding pass (MRZ, barcodes),
checks the traveller's history, permits and watchlists against the signed
policy and records the entry or exit as a signed, hash-chained event kept in
SQLite and pushed to border-central. The information screen tells a foreign
traveller how long they may stay. Includes kioskctl, the same engine on the
command line for provisioning and scripts.")
# qt6-qpa-plugins: the xcb/wayland platform plugins border-kiosk runs on (not a shared library
# dependency, so dpkg-shlibdeps cannot see it); libqt6sql6-sqlite: the SQL driver plugin.
set(CPACK_DEBIAN_KIOSK_PACKAGE_DEPENDS "adduser, libqt6sql6-sqlite, qt6-qpa-plugins, fonts-dejavu-core")
set(CPACK_DEBIAN_KIOSK_PACKAGE_RECOMMENDS "cage, qt6-wayland, pcscd")
set(CPACK_DEBIAN_KIOSK_PACKAGE_CONTROL_EXTRA
    ${KIOSK_DEPLOY_DIR}/kiosk/conffiles ${KIOSK_DEPLOY_DIR}/kiosk/postinst ${KIOSK_DEPLOY_DIR}/kiosk/postrm)
set(CPACK_DEBIAN_KIOSK_PACKAGE_CONTROL_STRICT_PERMISSION ON)
set(CPACK_DEBIAN_CENTRAL_PACKAGE_NAME border-central)
set(CPACK_DEBIAN_CENTRAL_PACKAGE_SECTION net)
set(CPACK_DEBIAN_CENTRAL_DESCRIPTION "border-crossing kiosk: central migration database service
Receives the signed crossing events of every checkpoint kiosk over HTTPS,
verifies each kiosk's request signature and event chain, stores them in
PostgreSQL (or SQLite) and serves them back with the signed policy,
watchlists, permits and visas.")
set(CPACK_DEBIAN_CENTRAL_PACKAGE_DEPENDS "adduser, libqt6sql6-psql, libqt6sql6-sqlite")
set(CPACK_DEBIAN_CENTRAL_PACKAGE_RECOMMENDS "postgresql-client")
set(CPACK_DEBIAN_CENTRAL_PACKAGE_CONTROL_EXTRA
    ${KIOSK_DEPLOY_DIR}/central/conffiles ${KIOSK_DEPLOY_DIR}/central/postinst ${KIOSK_DEPLOY_DIR}/central/postrm)
set(CPACK_DEBIAN_CENTRAL_PACKAGE_CONTROL_STRICT_PERMISSION ON)
include(CPack)
