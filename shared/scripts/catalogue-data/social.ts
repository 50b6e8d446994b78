import { feeText, form, ID_DOC, PROXY, SAME_DAY, vnd, type SampleArea } from './types.js';

const PRACTICE = 'Bản sao văn bằng chuyên môn và giấy xác nhận quá trình thực hành';
const HEALTH_CERT = 'Giấy chứng nhận đủ sức khỏe | do cơ sở khám bệnh, chữa bệnh có thẩm quyền cấp';
const MERIT = 'Bản sao giấy tờ chứng minh là người có công hoặc thân nhân người có công';
const MERIT_FORM = form('Tờ khai đề nghị giải quyết chế độ');
const CERT_COPY = 'Bản sao Giấy chứng nhận đăng ký doanh nghiệp hoặc hộ kinh doanh';
const WORK = 'Giấy chứng nhận sức khỏe và phiếu lý lịch tư pháp của người lao động nước ngoài';

export const social: SampleArea[] = [
  {
    areaId: 'yt-hanhnghe',
    departmentId: 'syt',
    level: 'province',
    procedures: [
      {
        n: 'Cấp mới giấy phép hành nghề khám bệnh, chữa bệnh đối với chức danh bác sĩ',
        d: 30,
        f: [vnd('Phí thẩm định', 360_000)],
        docs: [
          form('Đơn đề nghị cấp mới giấy phép hành nghề'),
          PRACTICE,
          HEALTH_CERT,
          'Phiếu lý lịch tư pháp',
          '2× Ảnh 4 x 6 cm',
        ],
        s: ['chứng chỉ hành nghề bác sĩ'],
      },
      {
        n: 'Cấp mới giấy phép hành nghề khám bệnh, chữa bệnh đối với chức danh điều dưỡng, hộ sinh',
        d: 30,
        f: [vnd('Phí thẩm định', 360_000)],
        docs: [form('Đơn đề nghị cấp mới giấy phép hành nghề'), PRACTICE, HEALTH_CERT, '2× Ảnh 4 x 6 cm'],
        s: ['chứng chỉ hành nghề điều dưỡng'],
      },
      {
        n: 'Gia hạn giấy phép hành nghề khám bệnh, chữa bệnh',
        d: 30,
        f: [vnd('Phí thẩm định', 360_000)],
        docs: [
          form('Đơn đề nghị gia hạn giấy phép hành nghề'),
          'Giấy tờ chứng minh đáp ứng yêu cầu cập nhật kiến thức y khoa liên tục',
          HEALTH_CERT,
        ],
      },
      {
        n: 'Cấp lại giấy phép hành nghề khám bệnh, chữa bệnh',
        d: 10,
        f: [vnd('Phí thẩm định', 150_000)],
        docs: [
          form('Đơn đề nghị cấp lại giấy phép hành nghề'),
          'Bản gốc giấy phép hành nghề bị hư hỏng (nếu có)',
          '2× Ảnh 4 x 6 cm',
        ],
      },
      {
        n: 'Cấp giấy phép hoạt động đối với phòng khám đa khoa',
        d: 60,
        f: [vnd('Phí thẩm định', 5_700_000)],
        docs: [
          form('Đơn đề nghị cấp giấy phép hoạt động'),
          'Danh sách người hành nghề và giấy phép hành nghề của người chịu trách nhiệm chuyên môn',
          'Danh mục thiết bị y tế và bản kê cơ sở vật chất',
          'Bản sao giấy tờ pháp lý về việc thành lập phòng khám',
        ],
        s: ['mở phòng khám'],
      },
      {
        n: 'Cấp giấy phép hoạt động đối với phòng khám chuyên khoa',
        d: 60,
        f: [vnd('Phí thẩm định', 4_300_000)],
        docs: [
          form('Đơn đề nghị cấp giấy phép hoạt động'),
          'Danh sách người hành nghề và giấy phép hành nghề của người chịu trách nhiệm chuyên môn',
          'Danh mục thiết bị y tế và bản kê cơ sở vật chất',
        ],
        s: ['mở phòng khám nha khoa'],
      },
      {
        n: 'Cấp Chứng chỉ hành nghề dược',
        d: 20,
        f: [vnd('Phí thẩm định', 500_000)],
        docs: [
          form('Đơn đề nghị cấp Chứng chỉ hành nghề dược'),
          'Bản sao văn bằng chuyên môn',
          'Giấy xác nhận thời gian thực hành chuyên môn',
          HEALTH_CERT,
          '2× Ảnh 4 x 6 cm',
        ],
        s: ['chứng chỉ dược sĩ'],
      },
      {
        n: 'Cấp Giấy chứng nhận đủ điều kiện kinh doanh dược đối với nhà thuốc',
        d: 20,
        f: [vnd('Phí thẩm định', 1_000_000)],
        docs: [
          form('Đơn đề nghị cấp Giấy chứng nhận'),
          'Tài liệu kỹ thuật về địa điểm, trang thiết bị, nhân sự',
          'Bản sao Chứng chỉ hành nghề dược của người chịu trách nhiệm chuyên môn',
        ],
        s: ['mở nhà thuốc', 'mở hiệu thuốc'],
      },
      {
        n: 'Cấp Giấy chứng nhận đủ điều kiện kinh doanh dược đối với quầy thuốc',
        d: 20,
        f: [vnd('Phí thẩm định', 500_000)],
        docs: [
          form('Đơn đề nghị cấp Giấy chứng nhận'),
          'Tài liệu kỹ thuật về địa điểm, trang thiết bị, nhân sự',
          'Bản sao Chứng chỉ hành nghề dược',
        ],
        s: ['mở quầy thuốc'],
      },
      {
        n: 'Cấp Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm đối với cơ sở kinh doanh dịch vụ ăn uống',
        d: 20,
        lv: 'district',
        f: [
          feeText(
            'Phí thẩm định',
            'Phục vụ dưới 200 suất ăn: 700.000 đồng; từ 200 suất ăn trở lên: 1.000.000 đồng',
          ),
        ],
        docs: [
          form('Đơn đề nghị cấp Giấy chứng nhận'),
          'Bản thuyết minh về cơ sở vật chất, trang thiết bị, dụng cụ',
          'Giấy xác nhận kiến thức về an toàn thực phẩm của chủ cơ sở và người trực tiếp chế biến',
        ],
        s: ['giấy phép vệ sinh an toàn thực phẩm quán ăn', 'mở quán ăn', 'mở nhà hàng'],
      },
      {
        n: 'Tiếp nhận bản tự công bố sản phẩm thực phẩm',
        d: 0,
        t: 'Tiếp nhận và đăng tải ngay khi nhận được bản tự công bố',
        f: [],
        docs: [form('Bản tự công bố sản phẩm'), 'Phiếu kết quả kiểm nghiệm an toàn thực phẩm trong 12 tháng'],
      },
      {
        n: 'Tiếp nhận phiếu công bố sản phẩm mỹ phẩm sản xuất trong nước',
        d: 3,
        f: [vnd('Phí thẩm định', 500_000)],
        docs: [
          form('Phiếu công bố sản phẩm mỹ phẩm'),
          'Bản sao Giấy chứng nhận đủ điều kiện sản xuất mỹ phẩm',
          'Giấy ủy quyền của nhà sản xuất (nếu có)',
        ],
      },
      {
        n: 'Cấp giấy xác nhận nội dung quảng cáo mỹ phẩm',
        d: 10,
        f: [vnd('Phí thẩm định', 1_100_000)],
        docs: [
          form('Văn bản đề nghị xác nhận nội dung quảng cáo'),
          'Phiếu công bố sản phẩm mỹ phẩm đã được cấp số tiếp nhận',
          'Kịch bản hoặc mẫu quảng cáo dự kiến',
        ],
      },
      {
        n: 'Khám giám định mức độ suy giảm khả năng lao động do tai nạn lao động',
        d: 60,
        f: [
          feeText(
            'Phí giám định y khoa',
            'Theo quy định của Bộ Tài chính; do người sử dụng lao động chi trả',
          ),
        ],
        docs: [
          form('Giấy đề nghị khám giám định'),
          'Biên bản điều tra tai nạn lao động',
          'Giấy ra viện hoặc giấy tờ về điều trị',
          ID_DOC,
        ],
        s: ['giám định y khoa'],
      },
      {
        n: 'Cấp giấy phép hoạt động đối với cơ sở dịch vụ thẩm mỹ',
        d: 60,
        f: [vnd('Phí thẩm định', 3_100_000)],
        docs: [
          form('Đơn đề nghị cấp giấy phép hoạt động'),
          'Danh sách người hành nghề',
          'Bản kê cơ sở vật chất, thiết bị',
        ],
        s: ['mở spa', 'thẩm mỹ viện'],
      },
    ],
  },
  {
    areaId: 'ld-laodong',
    departmentId: 'sldtbxh',
    level: 'province',
    procedures: [
      {
        n: 'Cấp giấy phép lao động cho người lao động nước ngoài làm việc tại Việt Nam',
        d: 10,
        f: [feeText('Lệ phí', 'Theo mức do Hội đồng nhân dân tỉnh quy định (thường 600.000 đồng/giấy phép)')],
        docs: [
          form('Văn bản đề nghị cấp giấy phép lao động'),
          WORK,
          'Văn bằng, chứng chỉ chuyên môn | hợp pháp hóa lãnh sự, dịch và chứng thực',
          '2× Ảnh màu 4 x 6 cm',
          'Bản sao hộ chiếu còn giá trị',
        ],
        s: ['work permit', 'giấy phép cho người nước ngoài'],
      },
      {
        n: 'Cấp lại giấy phép lao động',
        d: 3,
        f: [feeText('Lệ phí', 'Theo mức do Hội đồng nhân dân tỉnh quy định (thường 450.000 đồng/giấy phép)')],
        docs: [
          form('Văn bản đề nghị cấp lại giấy phép lao động'),
          'Giấy phép lao động còn thời hạn đã được cấp (trừ trường hợp bị mất)',
          '2× Ảnh màu 4 x 6 cm',
        ],
      },
      {
        n: 'Gia hạn giấy phép lao động',
        d: 5,
        f: [feeText('Lệ phí', 'Theo mức do Hội đồng nhân dân tỉnh quy định')],
        docs: [
          form('Văn bản đề nghị gia hạn giấy phép lao động'),
          'Giấy phép lao động còn thời hạn',
          HEALTH_CERT,
        ],
      },
      {
        n: 'Xác nhận người lao động nước ngoài không thuộc diện cấp giấy phép lao động',
        d: 5,
        f: [],
        docs: [
          form('Văn bản đề nghị xác nhận'),
          'Giấy tờ chứng minh người lao động nước ngoài không thuộc diện cấp giấy phép lao động',
          'Bản sao hộ chiếu',
        ],
      },
      {
        n: 'Giải quyết hưởng trợ cấp thất nghiệp',
        d: 20,
        f: [],
        docs: [
          form('Đề nghị hưởng trợ cấp thất nghiệp'),
          'Bản sao hợp đồng lao động đã chấm dứt hoặc quyết định thôi việc',
          'Sổ bảo hiểm xã hội',
          ID_DOC,
        ],
        s: ['bảo hiểm thất nghiệp', 'lãnh thất nghiệp', 'nhận tiền thất nghiệp'],
      },
      {
        n: 'Tạm dừng hưởng trợ cấp thất nghiệp',
        d: 3,
        f: [],
        docs: ['Giấy tờ làm căn cứ tạm dừng | thông báo của trung tâm dịch vụ việc làm'],
      },
      {
        n: 'Chuyển nơi hưởng trợ cấp thất nghiệp',
        d: 3,
        f: [],
        docs: [form('Đề nghị chuyển nơi hưởng trợ cấp thất nghiệp'), ID_DOC],
      },
      {
        n: 'Hỗ trợ học nghề cho người đang hưởng trợ cấp thất nghiệp',
        d: 20,
        f: [],
        docs: [form('Đề nghị hỗ trợ học nghề'), ID_DOC],
      },
      {
        n: 'Đăng ký nội quy lao động của doanh nghiệp',
        d: 7,
        f: [],
        docs: [
          form('Văn bản đề nghị đăng ký nội quy lao động'),
          'Nội quy lao động',
          'Văn bản góp ý của tổ chức đại diện người lao động tại cơ sở (nếu có)',
        ],
      },
      {
        n: 'Cấp giấy phép hoạt động dịch vụ việc làm của doanh nghiệp',
        d: 7,
        f: [],
        docs: [
          form('Văn bản đề nghị cấp giấy phép'),
          'Giấy chứng nhận đã thực hiện ký quỹ',
          'Giấy tờ chứng minh địa điểm hoạt động',
        ],
      },
      {
        n: 'Cấp giấy phép hoạt động cho thuê lại lao động',
        d: 20,
        f: [],
        docs: [
          form('Văn bản đề nghị cấp giấy phép'),
          'Giấy chứng nhận tiền ký quỹ hoạt động cho thuê lại lao động',
          'Phiếu lý lịch tư pháp của người đại diện theo pháp luật',
        ],
      },
      {
        n: 'Cấp giấy chứng nhận đăng ký hoạt động giáo dục nghề nghiệp đối với trung tâm giáo dục nghề nghiệp',
        d: 10,
        f: [],
        docs: [
          form('Văn bản đề nghị cấp giấy chứng nhận'),
          'Báo cáo thực trạng về cơ sở vật chất, thiết bị, đội ngũ giáo viên',
          'Chương trình đào tạo',
        ],
      },
      {
        n: 'Trợ cấp xã hội hằng tháng đối với đối tượng bảo trợ xã hội',
        d: 20,
        lv: 'district',
        f: [],
        docs: [
          form('Tờ khai đề nghị trợ cấp xã hội'),
          'Bản sao giấy xác nhận khuyết tật (đối với người khuyết tật)',
          ID_DOC,
        ],
        s: ['trợ cấp người cao tuổi', 'trợ cấp người khuyết tật'],
      },
      {
        n: 'Hỗ trợ chi phí mai táng cho đối tượng bảo trợ xã hội',
        d: 5,
        lv: 'district',
        f: [],
        docs: [form('Tờ khai đề nghị hỗ trợ chi phí mai táng'), 'Bản sao giấy chứng tử', ID_DOC],
      },
      {
        n: 'Xác định, xác định lại mức độ khuyết tật và cấp Giấy xác nhận khuyết tật',
        d: 25,
        lv: 'commune',
        f: [],
        docs: [
          form('Đơn đề nghị xác định mức độ khuyết tật'),
          'Bản sao các giấy tờ liên quan đến khuyết tật (nếu có)',
          ID_DOC,
        ],
        s: ['giấy chứng nhận khuyết tật'],
      },
    ],
  },
  {
    areaId: 'ld-nguoicocong',
    departmentId: 'sldtbxh',
    level: 'province',
    procedures: [
      {
        n: 'Giải quyết chế độ trợ cấp ưu đãi đối với thân nhân liệt sĩ',
        d: 32,
        f: [],
        docs: [MERIT_FORM, 'Bản sao Bằng Tổ quốc ghi công', 'Bản sao giấy tờ chứng minh quan hệ với liệt sĩ'],
      },
      {
        n: 'Giải quyết chế độ trợ cấp thờ cúng liệt sĩ',
        d: 17,
        f: [],
        docs: [
          form('Tờ khai đề nghị trợ cấp thờ cúng liệt sĩ'),
          'Văn bản ủy quyền của thân nhân liệt sĩ (nếu có)',
          'Bản sao Bằng Tổ quốc ghi công',
        ],
      },
      {
        n: 'Giải quyết chế độ ưu đãi đối với người hoạt động kháng chiến bị nhiễm chất độc hóa học',
        d: 40,
        f: [],
        docs: [
          form('Bản khai đề nghị giải quyết chế độ'),
          'Giấy tờ chứng minh thời gian hoạt động kháng chiến',
          'Biên bản giám định y khoa',
        ],
        s: ['chất độc da cam'],
      },
      {
        n: 'Giải quyết chế độ ưu đãi đối với Bà mẹ Việt Nam anh hùng',
        d: 15,
        f: [],
        docs: [MERIT_FORM, 'Bản sao quyết định phong tặng danh hiệu Bà mẹ Việt Nam anh hùng'],
      },
      {
        n: 'Giải quyết chế độ mai táng phí, trợ cấp một lần khi người có công với cách mạng từ trần',
        d: 12,
        f: [],
        docs: [
          form('Bản khai của thân nhân'),
          'Bản sao giấy chứng tử',
          'Văn bản ủy quyền của các thân nhân (nếu có)',
        ],
      },
      {
        n: 'Giám định vết thương còn sót',
        d: 40,
        f: [],
        docs: [form('Đơn đề nghị giám định vết thương còn sót'), 'Giấy tờ về vết thương còn sót', MERIT],
      },
      {
        n: 'Cấp trích lục hoặc sao hồ sơ người có công với cách mạng',
        d: 5,
        f: [],
        docs: [form('Đơn đề nghị cấp trích lục hồ sơ'), ID_DOC],
      },
      {
        n: 'Di chuyển hồ sơ người có công với cách mạng',
        d: 12,
        f: [],
        docs: [form('Đơn đề nghị di chuyển hồ sơ'), 'Bản sao giấy tờ chứng minh nơi cư trú mới', MERIT],
      },
      {
        n: 'Sửa đổi, bổ sung thông tin cá nhân trong hồ sơ người có công',
        d: 20,
        f: [],
        docs: [form('Đơn đề nghị sửa đổi thông tin'), 'Bản sao giấy tờ làm căn cứ sửa đổi'],
      },
      {
        n: 'Hỗ trợ thăm viếng mộ liệt sĩ',
        d: 5,
        f: [],
        docs: [form('Đơn đề nghị thăm viếng mộ liệt sĩ'), 'Bản sao Bằng Tổ quốc ghi công', ID_DOC],
        s: ['thăm mộ liệt sĩ'],
      },
      {
        n: 'Di chuyển hài cốt liệt sĩ đang an táng tại nghĩa trang liệt sĩ theo nguyện vọng của thân nhân',
        d: 10,
        f: [],
        docs: [
          form('Đơn đề nghị di chuyển hài cốt liệt sĩ'),
          'Bản sao Bằng Tổ quốc ghi công',
          'Giấy xác nhận của ban quản lý nghĩa trang nơi liệt sĩ đang an táng',
        ],
        s: ['bốc mộ liệt sĩ'],
      },
      {
        n: 'Công nhận và giải quyết chế độ ưu đãi người hoạt động cách mạng, kháng chiến bị địch bắt tù, đày',
        d: 30,
        f: [],
        docs: [
          form('Bản khai cá nhân'),
          'Giấy tờ chứng minh bị địch bắt tù, đày',
          'Xác nhận của Ủy ban nhân dân cấp xã',
        ],
      },
      {
        n: 'Cấp giấy chứng nhận người có công với cách mạng để hưởng chế độ ưu đãi giáo dục đào tạo cho con',
        d: 5,
        f: [],
        docs: [form('Đơn đề nghị cấp giấy chứng nhận'), MERIT, 'Giấy xác nhận đang học của cơ sở giáo dục'],
      },
    ],
  },
  {
    areaId: 'gd-vanbang',
    departmentId: 'sgddt',
    level: 'province',
    procedures: [
      {
        n: 'Cấp bản sao văn bằng, chứng chỉ từ sổ gốc',
        d: 0,
        t: SAME_DAY,
        f: [feeText('Phí', 'Theo quy định của Bộ Tài chính')],
        docs: [form('Đơn đề nghị cấp bản sao văn bằng, chứng chỉ từ sổ gốc'), ID_DOC, PROXY],
        s: ['bản sao bằng tốt nghiệp', 'sao bằng cấp 3'],
      },
      {
        n: 'Chỉnh sửa nội dung văn bằng, chứng chỉ',
        d: 5,
        f: [],
        docs: [
          form('Đơn đề nghị chỉnh sửa văn bằng, chứng chỉ'),
          'Văn bằng, chứng chỉ đề nghị chỉnh sửa',
          'Bản sao quyết định cho phép thay đổi, cải chính hộ tịch',
          ID_DOC,
        ],
      },
      {
        n: 'Công nhận văn bằng tốt nghiệp các cấp học phổ thông do cơ sở giáo dục nước ngoài cấp',
        d: 20,
        f: [],
        docs: [
          form('Đơn đề nghị công nhận văn bằng'),
          'Bản sao văn bằng và bảng điểm | dịch sang tiếng Việt có chứng thực',
          'Văn bản ủy quyền xác minh thông tin văn bằng',
        ],
      },
      {
        n: 'Phúc khảo bài thi tốt nghiệp trung học phổ thông',
        d: 15,
        f: [feeText('Phí phúc khảo', 'Theo mức do Hội đồng nhân dân tỉnh quy định')],
        docs: [form('Đơn đề nghị phúc khảo')],
        s: ['chấm lại bài thi'],
      },
      {
        n: 'Chuyển trường đối với học sinh trung học phổ thông',
        d: 3,
        f: [],
        docs: [
          form('Đơn xin chuyển trường'),
          'Học bạ | bản chính',
          'Giấy chứng nhận trúng tuyển vào lớp 10',
          'Giấy giới thiệu chuyển trường',
        ],
        s: ['xin chuyển trường cho con'],
      },
      {
        n: 'Xin học lại tại trường khác đối với học sinh trung học',
        d: 3,
        f: [],
        docs: [
          form('Đơn xin học lại'),
          'Học bạ | bản chính',
          'Giấy xác nhận của chính quyền địa phương về việc chấp hành pháp luật',
        ],
      },
      {
        n: 'Thành lập trung tâm ngoại ngữ, tin học',
        d: 20,
        f: [],
        docs: [
          form('Tờ trình đề nghị thành lập'),
          'Đề án thành lập trung tâm',
          'Bản sao giấy tờ chứng minh quyền sử dụng đất hoặc hợp đồng thuê địa điểm',
        ],
      },
      {
        n: 'Cho phép trung tâm ngoại ngữ, tin học hoạt động giáo dục',
        d: 20,
        f: [],
        docs: [
          form('Tờ trình đề nghị cho phép hoạt động'),
          'Quyết định thành lập',
          'Chương trình, tài liệu giảng dạy',
          'Danh sách giáo viên kèm văn bằng',
        ],
        s: ['mở trung tâm tiếng Anh'],
      },
      {
        n: 'Cho phép trường trung học phổ thông hoạt động giáo dục',
        d: 20,
        f: [],
        docs: [
          form('Tờ trình đề nghị cho phép hoạt động giáo dục'),
          'Quyết định thành lập trường',
          'Danh sách đội ngũ cán bộ quản lý, giáo viên',
        ],
      },
      {
        n: 'Công nhận trường trung học đạt chuẩn quốc gia',
        d: 20,
        f: [],
        docs: [form('Tờ trình đề nghị công nhận'), 'Báo cáo tự đánh giá', 'Báo cáo đánh giá ngoài'],
      },
      {
        n: 'Xét đặc cách tốt nghiệp trung học phổ thông',
        d: 15,
        f: [],
        docs: [
          form('Đơn đề nghị xét đặc cách'),
          'Giấy tờ chứng minh lý do không thể dự thi (bệnh viện, cơ quan có thẩm quyền xác nhận)',
        ],
      },
      {
        n: 'Cấp giấy chứng nhận đăng ký hoạt động dịch vụ tư vấn du học',
        d: 20,
        f: [],
        docs: [
          form('Văn bản đề nghị cấp giấy chứng nhận'),
          'Bản sao văn bằng, chứng chỉ của nhân viên tư vấn du học',
          'Đề án hoạt động dịch vụ tư vấn du học',
        ],
        s: ['tư vấn du học'],
      },
    ],
  },
  {
    areaId: 'vh-vanhoa',
    departmentId: 'svhttdl',
    level: 'province',
    procedures: [
      {
        n: 'Cấp Giấy phép đủ điều kiện kinh doanh dịch vụ karaoke',
        d: 5,
        lv: 'district',
        f: [
          feeText(
            'Phí thẩm định',
            'Tại thành phố, thị xã: 4.000.000 đồng (đến 3 phòng); khu vực khác: 2.000.000 đồng',
          ),
        ],
        docs: [
          form('Đơn đề nghị cấp Giấy phép'),
          CERT_COPY,
          'Giấy tờ chứng minh diện tích phòng hát, cách âm và phòng cháy chữa cháy',
        ],
        s: ['giấy phép karaoke', 'mở quán karaoke'],
      },
      {
        n: 'Cấp Giấy phép đủ điều kiện kinh doanh dịch vụ vũ trường',
        d: 5,
        f: [vnd('Phí thẩm định', 15_000_000)],
        docs: [
          form('Đơn đề nghị cấp Giấy phép'),
          CERT_COPY,
          'Giấy tờ chứng minh diện tích phòng khiêu vũ và điều kiện phòng cháy chữa cháy',
        ],
      },
      {
        n: 'Cấp Giấy phép kinh doanh dịch vụ lữ hành nội địa',
        d: 10,
        f: [vnd('Phí thẩm định', 3_000_000)],
        docs: [
          form('Đơn đề nghị cấp Giấy phép'),
          CERT_COPY,
          'Giấy chứng nhận ký quỹ kinh doanh dịch vụ lữ hành nội địa',
          'Bản sao văn bằng hoặc chứng chỉ nghiệp vụ điều hành du lịch nội địa của người phụ trách',
        ],
        s: ['mở công ty du lịch'],
      },
      {
        n: 'Cấp thẻ hướng dẫn viên du lịch nội địa',
        d: 15,
        f: [vnd('Phí thẩm định', 650_000)],
        docs: [
          form('Đơn đề nghị cấp thẻ'),
          'Sơ yếu lý lịch có xác nhận',
          'Giấy chứng nhận sức khỏe',
          'Bản sao văn bằng hoặc chứng chỉ nghiệp vụ hướng dẫn du lịch',
          '2× Ảnh màu 3 x 4 cm',
        ],
        s: ['thẻ hướng dẫn viên'],
      },
      {
        n: 'Cấp đổi thẻ hướng dẫn viên du lịch',
        d: 10,
        f: [vnd('Phí thẩm định', 650_000)],
        docs: [
          form('Đơn đề nghị cấp đổi thẻ'),
          'Giấy chứng nhận sức khỏe',
          'Thẻ hướng dẫn viên du lịch cũ',
          '2× Ảnh màu 3 x 4 cm',
        ],
      },
      {
        n: 'Công nhận hạng cơ sở lưu trú du lịch hạng 1 sao, 2 sao, 3 sao',
        d: 30,
        f: [feeText('Phí thẩm định', '1 - 2 sao: 1.500.000 đồng; 3 sao: 2.000.000 đồng')],
        docs: [
          form('Đơn đề nghị công nhận hạng'),
          'Biểu đánh giá chất lượng cơ sở lưu trú theo tiêu chuẩn quốc gia',
          'Danh sách người quản lý và nhân viên',
        ],
        s: ['xếp hạng khách sạn'],
      },
      {
        n: 'Tiếp nhận thông báo tổ chức biểu diễn nghệ thuật',
        d: 0,
        t: 'Thông báo trước ngày tổ chức ít nhất 05 ngày làm việc',
        f: [],
        docs: [
          form('Văn bản thông báo tổ chức biểu diễn nghệ thuật'),
          'Danh mục tác phẩm, chương trình biểu diễn',
        ],
        s: ['xin phép tổ chức ca nhạc'],
      },
      {
        n: 'Đăng ký tổ chức lễ hội',
        d: 20,
        f: [],
        docs: [form('Văn bản đăng ký tổ chức lễ hội'), 'Kế hoạch tổ chức lễ hội'],
      },
      {
        n: 'Cấp giấy phép tổ chức triển lãm mỹ thuật',
        d: 7,
        f: [],
        docs: [form('Văn bản đề nghị cấp giấy phép'), 'Danh sách tác phẩm, ảnh tác phẩm'],
      },
      {
        n: 'Cấp Giấy chứng nhận đủ điều kiện kinh doanh hoạt động thể thao',
        d: 7,
        f: [feeText('Phí thẩm định', 'Theo quy định của Bộ Tài chính')],
        docs: [
          form('Đơn đề nghị cấp Giấy chứng nhận'),
          'Bản tóm tắt tình hình chuẩn bị các điều kiện kinh doanh',
          'Bản sao văn bằng, chứng chỉ của nhân viên chuyên môn',
        ],
        s: ['mở phòng gym', 'mở bể bơi'],
      },
      {
        n: 'Cấp giấy phép xây dựng tượng đài, tranh hoành tráng',
        d: 20,
        f: [],
        docs: [
          form('Văn bản đề nghị cấp giấy phép'),
          'Phác thảo tượng đài, tranh hoành tráng',
          'Văn bản chấp thuận về địa điểm xây dựng',
        ],
      },
      {
        n: 'Cấp chứng chỉ hành nghề tu bổ di tích',
        d: 15,
        f: [],
        docs: [
          form('Đơn đề nghị cấp chứng chỉ'),
          'Bản sao văn bằng chuyên môn',
          'Bản khai kinh nghiệm nghề nghiệp',
          '2× Ảnh màu 4 x 6 cm',
        ],
      },
      {
        n: 'Cấp giấy phép nhập khẩu văn hóa phẩm không nhằm mục đích kinh doanh',
        d: 7,
        f: [],
        docs: [form('Đơn đề nghị cấp giấy phép nhập khẩu'), 'Bản sao vận tải đơn hoặc giấy báo nhận hàng'],
      },
    ],
  },
];
